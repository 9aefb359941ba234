package io.anim3d.render;

import java.util.Objects;

/**
 * Settings of an {@link Mp4Writer}. Create with {@link #of(int, int, double)} and adjust with the
 * {@code with…} methods; build new code on those rather than on the canonical constructor, so
 * that later settings can be added without breaking callers.
 *
 * @param width                    frame width in pixels, 1 to 8192. H.264 in yuv420p needs even
 *                                 sizes: an odd width or height is padded by one column or row
 *                                 that repeats the last one ({@link #encodedWidth()}).
 * @param height                   frame height in pixels, 1 to 8192 (odd heights padded likewise)
 * @param frameRate                constant frame rate in frames per second, &gt; 0; NTSC decimals
 *                                 such as 29.97 are stored exactly as 30000/1001
 * @param codec                    FFmpeg encoder name: {@code libopenh264} (H.264, default),
 *                                 {@code libaom-av1} (AV1) or {@code libvpx-vp9} (VP9), the
 *                                 royalty-free alternatives in the same LGPL build
 * @param bitsPerPixel             target bits per pixel per frame; 0.1 keeps thin overlay lines
 *                                 and text free of visible ringing (about 6 Mbit/s at 1080p30,
 *                                 0.7 Mbit/s at 640×360 30 fps)
 * @param keyframeIntervalSeconds  seconds between key frames; 2 s lets players seek quickly at a
 *                                 small size cost
 * @param audio                    audio to put beside the video for its whole length, or null for
 *                                 a video without sound
 */
public record Mp4Options(int width, int height, double frameRate, String codec, double bitsPerPixel,
        double keyframeIntervalSeconds, AudioClip audio) {

    /** The H.264 encoder of the LGPL FFmpeg build (Cisco's OpenH264 compiled in). */
    public static final String H264 = "libopenh264";
    public static final double DEFAULT_BITS_PER_PIXEL = 0.1;
    public static final double DEFAULT_KEYFRAME_INTERVAL_SECONDS = 2.0;
    /** Lowest bit rate handed to the encoder, bits per second: tiny frames still get usable quality. */
    static final long MIN_BIT_RATE = 200_000;
    private static final int MAX_SIZE = 8192;

    public Mp4Options {
        if (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE) {
            throw new IllegalArgumentException("frame size must be 1 to " + MAX_SIZE + " pixels each way, got "
                    + width + "x" + height);
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate) || frameRate > 1000) {
            throw new IllegalArgumentException("frame rate must be > 0 and at most 1000 fps, got " + frameRate);
        }
        Objects.requireNonNull(codec, "codec");
        if (codec.isBlank()) {
            throw new IllegalArgumentException("codec must name an FFmpeg encoder, e.g. " + H264);
        }
        if (!(bitsPerPixel > 0) || bitsPerPixel > 24) {
            throw new IllegalArgumentException("bitsPerPixel must be > 0 and at most 24, got " + bitsPerPixel);
        }
        if (!(keyframeIntervalSeconds > 0) || Double.isInfinite(keyframeIntervalSeconds)) {
            throw new IllegalArgumentException("keyframeIntervalSeconds must be > 0, got " + keyframeIntervalSeconds);
        }
    }

    /** Without audio. */
    public Mp4Options(int width, int height, double frameRate, String codec, double bitsPerPixel,
                      double keyframeIntervalSeconds) {
        this(width, height, frameRate, codec, bitsPerPixel, keyframeIntervalSeconds, null);
    }

    /** H.264 at {@value #DEFAULT_BITS_PER_PIXEL} bit per pixel per frame, a key frame every 2 s, no audio. */
    public static Mp4Options of(int width, int height, double frameRate) {
        return new Mp4Options(width, height, frameRate, H264, DEFAULT_BITS_PER_PIXEL,
                DEFAULT_KEYFRAME_INTERVAL_SECONDS, null);
    }

    public Mp4Options withCodec(String encoderName) {
        return new Mp4Options(width, height, frameRate, encoderName, bitsPerPixel, keyframeIntervalSeconds, audio);
    }

    public Mp4Options withBitsPerPixel(double bits) {
        return new Mp4Options(width, height, frameRate, codec, bits, keyframeIntervalSeconds, audio);
    }

    public Mp4Options withKeyframeIntervalSeconds(double seconds) {
        return new Mp4Options(width, height, frameRate, codec, bitsPerPixel, seconds, audio);
    }

    /** The same options with {@code clip} as the audio track (null: no audio). */
    public Mp4Options withAudio(AudioClip clip) {
        return new Mp4Options(width, height, frameRate, codec, bitsPerPixel, keyframeIntervalSeconds, clip);
    }

    /** Width of the encoded picture: {@link #width()} rounded up to even. */
    public int encodedWidth() {
        return width + (width & 1);
    }

    /** Height of the encoded picture: {@link #height()} rounded up to even. */
    public int encodedHeight() {
        return height + (height & 1);
    }

    /** The frame rate as the exact fraction written into the file. */
    Rational frameRateFraction() {
        return Rational.ofFrameRate(frameRate);
    }

    /** Target bit rate, bits per second. */
    public long bitRate() {
        double bits = bitsPerPixel * encodedWidth() * encodedHeight() * frameRate;
        return Math.max(MIN_BIT_RATE, Math.round(bits));
    }

    /** Frames from one key frame to the next, at least 1. */
    public int keyframeIntervalFrames() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(keyframeIntervalSeconds * frameRate)));
    }
}
