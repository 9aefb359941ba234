package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.render.AudioClip;
import io.anim3d.render.video.AnimationVideo.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Audio timing and the file's bytes, on inputs made by the ffmpeg CLI whose picture flashes white
 * exactly while a beep sounds ({@link Media#flashAndBeep}): trimmed to start at 1.0 s, the flash
 * must be in output frame 30 and the beep must start at 1.000 s, whether the audio was copied or
 * encoded again.
 */
class AnimationVideoAudioTest {
    private static final double TRIM_SECONDS = 1.0;
    private static final int FRAMES = 60;
    /** The beep's first sample above 0.1 is 2 samples after its start at 48 kHz (0.5·sin rises from 0). */
    private static final double SYNC_EXPECTED = TRIM_SECONDS + 2 / 48000.0;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} audio in {1}: {2}")
    @CsvSource({
            "aac, flash_aac.mp4, aac copied",
            "pcm_s16le, flash_pcm.mov, pcm_s16le encoded again as AAC",
            "libmp3lame, flash_mp3.mp4, mp3 encoded again as AAC",
            "flac, flash_flac.mkv, flac encoded again as AAC",
    })
    void beepAndFlashStayTogetherAfterTheTrim(String encoder, String name, String summary) throws Exception {
        Path input = Media.flashAndBeep(dir, name, "-c:a", encoder);
        Path out = dir.resolve("out_" + name + ".mp4");
        AnimationVideo.Result result = write(input, out, new AudioClip(input, TRIM_SECONDS));
        assertEquals(summary, result.audioSummary());
        assertTrue(result.hasAudio());

        JsonNode s = Media.inspect(out).path("summary");
        assertEquals("aac", s.path("audio_codec").asText(), "audio codec in the MP4");
        assertEquals(FRAMES, s.path("frame_count").asInt());
        assertEquals(2.0, Media.stream(Media.ffprobe(out), "audio").path("duration").asDouble(), 0.03,
                "audio duration (video: 2.0 s)");

        int flash = firstBrightFrame(out);
        assertEquals(30, flash, "the flash at 2.0 s of the input is at 1.0 s of the output, frame 30");
        double onset = Media.onsetSeconds(Media.audioSamples(out), 0.1f);
        assertEquals(SYNC_EXPECTED, onset, 0.002, "the beep at 2.0 s of the input starts at 1.0 s of the output"
                + " (with the flash)");
    }

    @Test
    void noAudioWhenNotAskedFor() throws Exception {
        Path input = Media.flashAndBeep(dir, "flash.mp4", "-c:a", "aac");
        Path out = dir.resolve("silent.mp4");
        AnimationVideo.Result result = write(input, out, null);
        assertFalse(result.hasAudio());
        assertEquals("none: not requested", result.audioSummary());
        assertFalse(Media.inspect(out).path("summary").path("has_audio").asBoolean(), "audio stream present");
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() throws Exception {
        Path aac = Media.flashAndBeep(dir, "flash.mp4", "-c:a", "aac");
        Path pcm = Media.flashAndBeep(dir, "flash.mov", "-c:a", "pcm_s16le");
        for (Path input : List.of(aac, pcm)) {
            Path a = dir.resolve("a.mp4");
            Path b = dir.resolve("b.mp4");
            write(input, a, new AudioClip(input, TRIM_SECONDS));
            write(input, b, new AudioClip(input, TRIM_SECONDS));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two renders of " + input.getFileName()
                    + " differ");
        }
    }

    @Test
    void aFailedRenderLeavesNoFileAndKeepsTheOldOne() throws Exception {
        Path input = Media.flashAndBeep(dir, "flash.mp4", "-c:a", "aac");
        Path out = dir.resolve("out.mp4");
        Files.writeString(out, "previous");
        SideBySideLayout layout = SideBySideLayout.of(Media.SYNTH_WIDTH, Media.SYNTH_HEIGHT, true);
        CharacterFrames failing = (frame, argb, w, h) -> {
            if (frame == 3) {
                throw new IllegalStateException("renderer broke at frame 3");
            }
        };
        try (Media.FrameStream originals = Media.frames(input, Media.SYNTH_WIDTH, Media.SYNTH_HEIGHT, Media.SYNTH_FPS, 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AnimationVideo.write(out,
                    Options.of(layout, FRAMES, Media.SYNTH_FPS).withAudio(new AudioClip(input, 0)), originals, failing));
            assertEquals("renderer broke at frame 3", e.getMessage(), "the renderer's own exception comes out");
        }
        IOException empty = assertThrows(IOException.class, () -> AnimationVideo.write(out,
                Options.of(layout, FRAMES, Media.SYNTH_FPS), () -> null, new TestCharacter(FRAMES)));
        assertTrue(empty.getMessage().contains("no picture"), empty.getMessage());
        assertEquals("previous", Files.readString(out), "the old file was replaced by a failed render");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList(),
                    "partial files left behind");
        }
        assertThrows(IllegalArgumentException.class, () -> AnimationVideo.write(out, Options.of(layout, FRAMES, 30), null,
                new TestCharacter(FRAMES)), "side by side without originals");
        assertThrows(IllegalArgumentException.class, () -> Options.of(layout, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> Options.of(layout, 10, 0));
    }

    /** Writes the trimmed synthetic input side by side with {@code audio}. */
    private AnimationVideo.Result write(Path input, Path out, AudioClip audio) throws Exception {
        SideBySideLayout layout = SideBySideLayout.of(Media.SYNTH_WIDTH, Media.SYNTH_HEIGHT, true);
        try (Media.FrameStream originals = Media.frames(input, Media.SYNTH_WIDTH, Media.SYNTH_HEIGHT, Media.SYNTH_FPS,
                TRIM_SECONDS)) {
            return AnimationVideo.write(out, Options.of(layout, FRAMES, Media.SYNTH_FPS).withAudio(audio), originals,
                    new TestCharacter(FRAMES));
        }
    }

    /** Index of the first output frame whose left half is bright (the flash), or -1. */
    private static int firstBrightFrame(Path out) throws Exception {
        SideBySideLayout layout = SideBySideLayout.of(Media.SYNTH_WIDTH, Media.SYNTH_HEIGHT, true);
        try (Media.FrameStream decoded = Media.frames(out, layout.width(), layout.height(), Media.SYNTH_FPS, 0)) {
            for (int i = 0; i < FRAMES; i++) {
                byte[] rgb = decoded.nextRgb();
                assertNotNull(rgb, "output frame " + i + " missing");
                double[] m = Pictures.mean(rgb, layout.width(), 0, 0, layout.original().width(), layout.height());
                if (m[0] > 128) {
                    return i;
                }
            }
        }
        return -1;
    }
}
