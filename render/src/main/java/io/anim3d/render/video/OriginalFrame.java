package io.anim3d.render.video;

/**
 * One decoded picture of the input, upright and cropped as the tracker saw it.
 *
 * @param timeSeconds motion time of the picture, seconds: (source time − trim start) ÷ speed
 *                    multiplier, as capture's {@code Frame.timeSeconds()} gives it
 * @param width       pixels, at least 1
 * @param height      pixels, at least 1
 * @param rgb         packed RGB24, rows top to bottom, width*height*3 bytes; taken, not copied,
 *                    and never modified
 */
public record OriginalFrame(double timeSeconds, int width, int height, byte[] rgb) {
    public OriginalFrame {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("original frame size " + width + "x" + height + " must be at least 1x1");
        }
        if (rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("original frame at " + timeSeconds + " s must hold " + width + "*" + height
                    + "*3 bytes of RGB24, got " + (rgb == null ? "none" : rgb.length));
        }
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("original frame time must be finite, got " + timeSeconds);
        }
    }
}
