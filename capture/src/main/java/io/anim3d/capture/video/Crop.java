package io.anim3d.capture.video;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;

/**
 * The region of the upright picture to keep, as fractions of its width and height with the
 * origin at the top-left corner. It is applied after rotation, so a phone video is cropped as
 * the user sees it.
 *
 * @param left   left edge, fraction of the width in [0, 1], {@code < right}
 * @param top    top edge, fraction of the height in [0, 1], {@code < bottom}
 * @param right  right edge, fraction of the width in [0, 1]
 * @param bottom bottom edge, fraction of the height in [0, 1]
 * @throws CaptureException PARAMS when an edge is outside [0, 1] or the edges are not ordered
 */
public record Crop(double left, double top, double right, double bottom) {
    public Crop {
        checkFraction("crop left", left);
        checkFraction("crop top", top);
        checkFraction("crop right", right);
        checkFraction("crop bottom", bottom);
        if (left >= right) {
            throw Params.outOfRange("crop left", left + " (right " + right + ")", "left must be less than right");
        }
        if (top >= bottom) {
            throw Params.outOfRange("crop top", top + " (bottom " + bottom + ")", "top must be less than bottom");
        }
    }

    /**
     * Parses the CLI/API text form {@code "left,top,right,bottom"}, e.g. {@code "0.239,0.121,0.742,0.981"}.
     *
     * @throws CaptureException PARAMS when malformed or out of range
     */
    public static Crop parse(String text) {
        double[] v = Params.parseList("crop", text, 4,
                "'left,top,right,bottom' as fractions in [0,1] with left < right and top < bottom");
        return new Crop(v[0], v[1], v[2], v[3]);
    }

    /**
     * The crop's pixel edges in a {@code width}x{@code height} picture: {@code {round(left*W),
     * round(top*H), round(right*W), round(bottom*H)}}; the kept region is columns [l, r) and rows
     * [t, b). Example: 0.239,0.121,0.742,0.981 of 1080x1920 gives {258, 232, 801, 1884}, 543x1652.
     *
     * @throws CaptureException PARAMS when the region would be less than 1x1 pixel
     */
    public int[] pixelRect(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " must be at least 1x1");
        }
        int l = (int) Math.round(left * width);
        int t = (int) Math.round(top * height);
        int r = (int) Math.round(right * width);
        int b = (int) Math.round(bottom * height);
        if (r - l < 1 || b - t < 1) {
            throw new CaptureException(ErrorCode.PARAMS, "crop " + left + "," + top + "," + right + "," + bottom
                    + " leaves " + Math.max(0, r - l) + "x" + Math.max(0, b - t) + " pixels of the " + width + "x"
                    + height + " picture; it must keep at least 1x1 pixel: widen the crop");
        }
        return new int[] {l, t, r, b};
    }

    private static void checkFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw Params.outOfRange(name, String.valueOf(value), "it must be a fraction in [0, 1]");
        }
    }
}
