package io.anim3d.capture.video;

import org.bytedeco.javacpp.BytePointer;

/**
 * Turns a stored RGB24 picture upright (0/90/180/270 degrees clockwise) and cuts the crop
 * rectangle out of the upright picture, in one pass into a new array.
 */
final class UprightCrop {
    private final int srcWidth;
    private final int srcHeight;
    private final int rotation;
    /** Crop edges in the upright picture, pixels: columns [left, left+outWidth), rows [top, top+outHeight). */
    private final int left;
    private final int top;
    private final int outWidth;
    private final int outHeight;
    /** Whole stored picture, reused; only needed when rotating. */
    private final byte[] scratch;

    /**
     * @param srcWidth  stored picture width, pixels
     * @param srcHeight stored picture height, pixels
     * @param rotation  clockwise degrees that make it upright: 0, 90, 180 or 270
     * @param crop      region of the upright picture, or null for all of it
     */
    UprightCrop(int srcWidth, int srcHeight, int rotation, Crop crop) {
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation " + rotation + " must be 0, 90, 180 or 270");
        }
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.rotation = rotation;
        boolean sideways = rotation == 90 || rotation == 270;
        int uprightWidth = sideways ? srcHeight : srcWidth;
        int uprightHeight = sideways ? srcWidth : srcHeight;
        int[] rect = crop == null ? new int[] {0, 0, uprightWidth, uprightHeight}
                : crop.pixelRect(uprightWidth, uprightHeight);
        this.left = rect[0];
        this.top = rect[1];
        this.outWidth = rect[2] - rect[0];
        this.outHeight = rect[3] - rect[1];
        this.scratch = rotation == 0 ? null : new byte[srcWidth * srcHeight * 3];
    }

    int outWidth() {
        return outWidth;
    }

    int outHeight() {
        return outHeight;
    }

    /** The upright, cropped picture from {@code stride}-spaced RGB24 rows at {@code src}, as a new array. */
    byte[] copy(BytePointer src, int stride) {
        byte[] out = new byte[outWidth * outHeight * 3];
        int rowBytes = outWidth * 3;
        if (rotation == 0) {
            if (stride == rowBytes && left == 0) {
                // Whole rows back to back: one bulk copy.
                src.position((long) top * stride).get(out, 0, out.length);
            } else {
                for (int y = 0; y < outHeight; y++) {
                    src.position((long) (top + y) * stride + left * 3L).get(out, y * rowBytes, rowBytes);
                }
            }
            src.position(0);
            return out;
        }
        int srcRow = srcWidth * 3;
        if (stride == srcRow) {
            src.position(0).get(scratch, 0, scratch.length);
        } else {
            for (int y = 0; y < srcHeight; y++) {
                src.position((long) y * stride).get(scratch, y * srcRow, srcRow);
            }
            src.position(0);
        }
        rotateInto(out);
        return out;
    }

    /** Upright pixel (x, y) is stored pixel (sx, sy); see the cases for the mapping. */
    private void rotateInto(byte[] out) {
        int srcRow = srcWidth * 3;
        int o = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            int y = oy + top;
            // Index of the stored pixel for upright (left, y) and the step per upright column.
            int s;
            int step;
            switch (rotation) {
                case 90 -> { // clockwise: upright (x, y) = stored (y, H-1-x)
                    s = (srcHeight - 1 - left) * srcRow + y * 3;
                    step = -srcRow;
                }
                case 180 -> { // upright (x, y) = stored (W-1-x, H-1-y)
                    s = (srcHeight - 1 - y) * srcRow + (srcWidth - 1 - left) * 3;
                    step = -3;
                }
                default -> { // 270, counter-clockwise: upright (x, y) = stored (W-1-y, x)
                    s = left * srcRow + (srcWidth - 1 - y) * 3;
                    step = srcRow;
                }
            }
            for (int ox = 0; ox < outWidth; ox++) {
                out[o] = scratch[s];
                out[o + 1] = scratch[s + 1];
                out[o + 2] = scratch[s + 2];
                o += 3;
                s += step;
            }
        }
    }
}
