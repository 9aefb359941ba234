package io.anim3d.capture.video;

/**
 * One decoded, upright, cropped picture in packed RGB24.
 *
 * <p>Ownership: the frame owns its pixel array and {@link #rgb()} returns it without copying (a
 * 1080p frame is 6 MB; copying it per reader would double the decoding cost). Callers must not
 * mutate it. The decoder never touches an array after handing it out.
 */
public final class Frame {
    private final int index;
    private final double timeSeconds;
    private final double sourceTimeSeconds;
    private final int width;
    private final int height;
    private final byte[] rgb;

    /**
     * @param index             0-based position among the decoder's output frames
     * @param timeSeconds       motion time, seconds: (sourceTime - trim start) / speed multiplier
     * @param sourceTimeSeconds presentation time in the original file from the stream's start, seconds
     * @param width             pixels, at least 1
     * @param height            pixels, at least 1
     * @param rgb               width*height*3 bytes, rows top to bottom, stride width*3; taken, not copied
     */
    public Frame(int index, double timeSeconds, double sourceTimeSeconds, int width, int height, byte[] rgb) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " must be at least 1x1");
        }
        if (rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + index + ": rgb must hold " + width + "*" + height
                    + "*3 = " + width * height * 3 + " bytes, got " + (rgb == null ? "null" : rgb.length));
        }
        this.index = index;
        this.timeSeconds = timeSeconds;
        this.sourceTimeSeconds = sourceTimeSeconds;
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** 0-based position among the decoder's output frames. */
    public int index() {
        return index;
    }

    /** Motion time, seconds: (sourceTimeSeconds - trim start) / speed multiplier; about 0 for the first frame. */
    public double timeSeconds() {
        return timeSeconds;
    }

    /** Presentation time in the original file, seconds from the video stream's start. */
    public double sourceTimeSeconds() {
        return sourceTimeSeconds;
    }

    /** Pixels. */
    public int width() {
        return width;
    }

    /** Pixels. */
    public int height() {
        return height;
    }

    /** Packed RGB24, rows top to bottom, stride width*3; owned by this frame: do not mutate. */
    public byte[] rgb() {
        return rgb;
    }

    @Override
    public String toString() {
        return "Frame[" + index + ", t=" + timeSeconds + " s, source " + sourceTimeSeconds + " s, " + width + "x"
                + height + "]";
    }
}
