package io.anim3d.server.pipeline;

import io.anim3d.capture.solve.CameraPose;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.server.params.CameraMode;
import java.util.Objects;

/**
 * Where the render camera is in each frame, for the spec's {@code render.CamMode}:
 * <ul>
 * <li>{@link CameraMode#CINEMATIC} (0): the whole character kept in the middle of the picture; the
 * camera follows the hips sideways and in depth, smoothed over about a second so that it glides
 * rather than shakes, from the direction the real camera looked (so the character faces the
 * viewer as the person faced the camera) and a little above the hips.</li>
 * <li>{@link CameraMode#FIXED} (1): the real camera as the solver estimated it (position, tilt and
 * its assumed focal length), scaled with the character, so the root motion shows as in the video:
 * a dancer who moves to the right of the frame moves to the right of the render.</li>
 * <li>{@link CameraMode#FACE} (2): like cinematic, but framing the torso and head.</li>
 * </ul>
 * Pure math on the retargeted motion; deterministic.
 */
public final class RenderCameras {
    /** Vertical field of view of the cinematic and face cameras. */
    static final double FOLLOW_FOV_DEGREES = 30;
    /** Half-width of the smoothing window of the followed point, seconds. */
    static final double CINEMATIC_SMOOTHING_S = 0.6;
    static final double FACE_SMOOTHING_S = 0.3;
    /** Picture height taken by the character (cinematic) and by the torso and head (face). */
    static final double CINEMATIC_FILL = 0.78;
    static final double FACE_FILL = 0.8;

    private RenderCameras() {
    }

    /** One camera: eye, the point looked at, the up direction, vertical field of view. */
    public record View(Vec3 eye, Vec3 target, Vec3 up, double verticalFovDegrees) {
        public View {
            Objects.requireNonNull(eye, "eye");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(up, "up");
        }
    }

    /**
     * @param motion          the motion on the rendered character's skeleton (Mixamo joint names)
     * @param characterHeight the character's standing height in metres (its mesh's extent)
     * @param solveCamera     the camera the solver estimated (world → camera), for {@link CameraMode#FIXED}
     * @param motionScale     how much the retargeting scaled the solved world (character hips height /
     *                        solved hips height): the fixed camera is scaled with it
     * @param imageWidth      width of the input picture the solver saw (after crop), pixels
     * @param imageHeight     its height
     * @param focalFactor     the solver's focal length as a multiple of the picture's longer side
     */
    public static View[] views(Motion motion, CameraMode mode, double characterHeight, CameraPose solveCamera,
                               double motionScale, int imageWidth, int imageHeight, double focalFactor) {
        int n = motion.frameCount();
        View[] views = new View[n];
        Vec3 forward = solveCamera.forward();
        Vec3 up = solveCamera.up();
        if (mode == CameraMode.FIXED) {
            double focal = focalFactor * Math.max(imageWidth, imageHeight);
            double fov = Math.toDegrees(2 * Math.atan(imageHeight / 2.0 / focal));
            Vec3 eye = solveCamera.position().times(motionScale);
            View v = new View(eye, eye.plus(forward), up, fov);
            java.util.Arrays.fill(views, v);
            return views;
        }
        // Follow a point of the body, seen horizontally from the real camera's side.
        Skeleton s = motion.skeleton();
        boolean face = mode == CameraMode.FACE;
        int[] joints = face ? new int[] {s.indexOf("Spine2"), s.indexOf("Neck"), s.indexOf("Head")}
                : new int[] {s.indexOf("Hips")};
        Vec3[] followed = new Vec3[n];
        for (int f = 0; f < n; f++) {
            Vec3[] world = motion.worldPositions(f);
            Vec3 sum = Vec3.ZERO;
            int count = 0;
            for (int j : joints) {
                if (j >= 0) {
                    sum = sum.plus(world[j]);
                    count++;
                }
            }
            followed[f] = count > 0 ? sum.times(1.0 / count) : world[0];
        }
        double window = (face ? FACE_SMOOTHING_S : CINEMATIC_SMOOTHING_S) * motion.frameRate();
        Vec3[] smooth = smooth(followed, Math.max(1, (int) Math.round(window)));
        Vec3 horizontal = new Vec3(forward.x(), 0, forward.z()).normalized(new Vec3(0, 0, -1));
        double framed = face ? 0.75 * characterHeight / 1.7 : characterHeight;
        double fill = face ? FACE_FILL : CINEMATIC_FILL;
        double halfFov = Math.toRadians(FOLLOW_FOV_DEGREES / 2);
        double distance = framed / fill / 2 / Math.tan(halfFov);
        for (int f = 0; f < n; f++) {
            // Cinematic: look at the middle of the standing height, so the feet stay in the picture
            // when the hips move; face: at the followed chest-neck-head point.
            double y = face ? smooth[f].y() : characterHeight * 0.5 + (smooth[f].y() - hipsRestHeight(motion)) * 0.5;
            Vec3 target = new Vec3(smooth[f].x(), y, smooth[f].z());
            Vec3 eye = target.minus(horizontal.times(distance)).plus(new Vec3(0, framed * 0.08, 0));
            views[f] = new View(eye, target, Vec3.Y, FOLLOW_FOV_DEGREES);
        }
        return views;
    }

    /** Height of the hips in the rest pose: the middle the cinematic camera keeps. */
    private static double hipsRestHeight(Motion motion) {
        Skeleton s = motion.skeleton();
        int hips = s.indexOf("Hips");
        Vec3[] rest = s.restPositions();
        return hips >= 0 ? rest[hips].y() : rest[0].y();
    }

    /** Centred moving average of half-width {@code half} frames, the window shrunk at the ends (zero phase). */
    static Vec3[] smooth(Vec3[] in, int half) {
        Vec3[] out = new Vec3[in.length];
        for (int i = 0; i < in.length; i++) {
            int h = Math.min(half, Math.min(i, in.length - 1 - i));
            Vec3 sum = Vec3.ZERO;
            for (int k = i - h; k <= i + h; k++) {
                sum = sum.plus(in[k]);
            }
            out[i] = sum.times(1.0 / (2 * h + 1));
        }
        return out;
    }
}
