package io.anim3d.motion;

/**
 * A rotated rectangle in normalised image coordinates (x and y from 0 to 1 across the image's
 * width and height, origin top-left), like MediaPipe's NormalizedRect: the region a landmark
 * model looked at.
 *
 * @param xCenter  centre, fraction of the image width
 * @param yCenter  centre, fraction of the image height
 * @param width    width, fraction of the image width
 * @param height   height, fraction of the image height
 * @param rotation clockwise rotation in radians (image y points down), in [-pi, pi)
 */
public record Roi(float xCenter, float yCenter, float width, float height, float rotation) {
}
