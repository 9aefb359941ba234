package io.anim3d.render;

import java.nio.file.Path;

/**
 * The part of an input file's audio that an {@link Mp4Writer} puts beside its video: the first
 * audio stream (FFmpeg's "best" one) of {@code source}, from {@code fromSeconds} on, for as long
 * as the written video lasts. The audio at {@code fromSeconds} plays with the video's first frame.
 *
 * <p>AAC with its decoder configuration is copied packet by packet (no quality loss; the cut falls
 * on a packet edge, 21 ms at 48 kHz, and the MP4 edit list makes playback start at the exact
 * time). Any other codec (MP3, Opus, Vorbis, PCM, AC-3, ...) is decoded and encoded again with
 * FFmpeg's native AAC encoder, cut to the exact sample, at most stereo, so that every browser
 * plays the result. A source without audio gives a video without audio ({@link Mp4Writer#hasAudio()}).
 * Both ways are deterministic; an AAC track encoded again is byte-identical on the same machine
 * (the encoder computes in floating point, so another CPU may round a last bit differently).
 *
 * @param source      the input video file
 * @param fromSeconds where the copied audio starts, seconds on the input's video timeline (from
 *                    the video stream's first timestamp, as the video decoder counts), finite, &gt;= 0
 */
public record AudioClip(Path source, double fromSeconds) {
    public AudioClip {
        if (source == null) {
            throw new IllegalArgumentException("the audio source file is required");
        }
        if (!Double.isFinite(fromSeconds) || fromSeconds < 0) {
            throw new IllegalArgumentException("audio start must be a finite number of seconds >= 0, got " + fromSeconds);
        }
    }
}
