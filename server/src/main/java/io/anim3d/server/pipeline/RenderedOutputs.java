package io.anim3d.server.pipeline;

import io.anim3d.capture.solve.SolveResult;
import io.anim3d.capture.video.Frame;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.render.AudioClip;
import io.anim3d.render.scene.Camera;
import io.anim3d.render.scene.CharacterRenderer;
import io.anim3d.render.scene.RenderStyle;
import io.anim3d.render.video.AnimationVideo;
import io.anim3d.render.video.CharacterFrames;
import io.anim3d.render.video.OriginalFrame;
import io.anim3d.render.video.OriginalFrames;
import io.anim3d.render.video.SideBySideLayout;
import io.anim3d.render.video.StillImage;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.params.RenderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rendered outputs of a job: {@code <character>.mp4} (the animated character beside the
 * original video, or alone with {@code render.sbs=0}) and, for stills, {@code <character>.png} /
 * {@code .jpg}. The original frames are decoded again with the job's trim, crop and speed, so the
 * left half shows exactly what was tracked; the render camera follows {@code render.CamMode}
 * ({@link RenderCameras}); the style follows {@code render.bgColor}, {@code render.backdrop} and
 * {@code render.shadow}.
 */
final class RenderedOutputs {
    private RenderedOutputs() {
    }

    /** What the renderer draws for these params. */
    static RenderStyle style(RenderOptions ro) {
        RenderOptions.Rgba bg = ro.background();
        int rgb = bg == null ? RenderStyle.DEFAULT_BACKGROUND_RGB : (bg.r() << 16) | (bg.g() << 8) | bg.b();
        RenderStyle.Backdrop backdrop = ro.backdrop() == RenderOptions.Backdrop.STUDIO
                ? RenderStyle.Backdrop.STUDIO : RenderStyle.Backdrop.GROUND;
        return new RenderStyle(rgb, backdrop, ro.shadow());
    }

    /**
     * Writes the MP4.
     *
     * @param input  the original video, or null when it is no longer stored (then the character alone, with a warning)
     * @param motion the motion on {@code character}'s skeleton
     * @return warnings for the job (speed-up without audio, missing original ...)
     */
    static List<String> mp4(Path target, Path input, ProcessParams params, LandmarkTrack track, SolveResult solved,
                            Character character, Motion motion, double focalFactor) throws IOException {
        RenderOptions ro = params.render();
        VideoOptions vo = params.videoOptions();
        List<String> warnings = new ArrayList<>();
        boolean sbs = ro.sideBySide();
        if (input == null && sbs) {
            warnings.add("The original video is no longer stored, so the MP4 shows the character alone");
            sbs = false;
        }
        SideBySideLayout layout = SideBySideLayout.of(track.frameWidth(), track.frameHeight(), sbs);
        RenderCameras.View[] views = views(params, track, solved, character, motion, focalFactor);
        try (CharacterRenderer renderer = new CharacterRenderer(character, layout.character().width(),
                layout.character().height(), style(ro), 1);
             VideoDecoder decoder = input == null ? null : VideoDecoder.open(input, vo)) {
            OriginalFrames originals = decoder == null || !layout.sideBySide() ? null : () -> {
                Frame f = decoder.next();
                return f == null ? null : new OriginalFrame(f.timeSeconds(), f.width(), f.height(), f.rgb());
            };
            double firstFrame = track.frames().isEmpty() ? 0 : track.frames().get(0).timeSeconds();
            double sourceStart = (vo.trim() == null ? 0 : vo.trim().fromSeconds()) + firstFrame * vo.speedMultiplier();
            AnimationVideo.Options options = AnimationVideo.Options.of(layout, motion.frameCount(), motion.frameRate())
                    .withSpeedMultiplier(vo.speedMultiplier())
                    .withAudio(ro.includeAudio() && input != null ? new AudioClip(input, sourceStart) : null);
            AnimationVideo.Result r = AnimationVideo.write(target, options, originals, frames(renderer, motion, views));
            warnings.addAll(r.warnings());
        }
        return warnings;
    }

    /** Writes the rendered still of a one-frame job, beside the picture when sbs. */
    static void still(Path target, StillImage.Format format, Path input, ProcessParams params, LandmarkTrack track,
                      SolveResult solved, Character character, Motion motion, double focalFactor) throws IOException {
        RenderOptions ro = params.render();
        VideoOptions vo = params.videoOptions();
        OriginalFrame original = null;
        if (input != null) {
            try (VideoDecoder d = VideoDecoder.open(input, new VideoOptions(vo.trim(), vo.crop(), 1.0))) {
                Frame f = d.next();
                if (f != null) {
                    original = new OriginalFrame(0, f.width(), f.height(), f.rgb());
                }
            }
        }
        SideBySideLayout layout = SideBySideLayout.of(track.frameWidth(), track.frameHeight(),
                ro.sideBySide() && original != null);
        RenderCameras.View[] views = views(params, track, solved, character, motion, focalFactor);
        try (CharacterRenderer renderer = new CharacterRenderer(character, layout.character().width(),
                layout.character().height(), style(ro), 1)) {
            StillImage.write(target, format, layout, original, frames(renderer, motion, views), 0);
        }
    }

    private static RenderCameras.View[] views(ProcessParams params, LandmarkTrack track, SolveResult solved,
                                              Character character, Motion motion, double focalFactor) {
        double scale = io.anim3d.motion.retarget.Retarget.translationScale(solved.motion(), character.skeleton());
        return RenderCameras.views(motion, params.render().camera(), standingHeight(character), solved.camera(), scale,
                track.frameWidth(), track.frameHeight(), focalFactor);
    }

    private static CharacterFrames frames(CharacterRenderer renderer, Motion motion, RenderCameras.View[] views) {
        return (frame, argb, width, height) -> {
            RenderCameras.View v = views[Math.min(frame, views.length - 1)];
            renderer.render(motion.worldTransforms(Math.min(frame, motion.frameCount() - 1)),
                    new Camera(v.eye(), v.target(), v.up(), v.verticalFovDegrees()), argb);
        };
    }

    /** Height of the character's meshes in its rest pose (top of the head to the soles), metres. */
    static double standingHeight(Character character) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Mesh m : character.meshes()) {
            float[] p = m.positions();
            for (int i = 1; i < p.length; i += 3) {
                min = Math.min(min, p[i]);
                max = Math.max(max, p[i]);
            }
        }
        return max > min ? max - min : 1.7;
    }
}
