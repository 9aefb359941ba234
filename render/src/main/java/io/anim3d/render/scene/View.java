package io.anim3d.render.scene;

import io.anim3d.motion.Vec3;

/**
 * A camera fixed to an image size: its orthonormal frame, the world → clip transform, the ray of
 * every pixel, and the lights, which are placed relative to the camera's heading so that the
 * character is lit from the front whichever side the camera looks from.
 *
 * <p>Pixel coordinates have their origin at the top-left corner of the image, y down; pixel
 * (i, j) has its centre at (i + ½, j + ½). Clip space: x<sub>c</sub> = x<sub>view</sub> / tan(½ fov<sub>x</sub>),
 * y<sub>c</sub> likewise, w = depth along the view direction (metres), so x<sub>c</sub> / w is −1 at the
 * left edge and 1 at the right.
 */
final class View {
    /** Nearest depth drawn, metres: closer geometry (e.g. a camera inside the head) is clipped away. */
    static final double NEAR = 0.02;
    /** Key light: 40° to the camera's left of its view direction, 50° up; its shadow falls behind and to the right. */
    private static final double KEY_AZIMUTH = 40;
    private static final double KEY_ELEVATION = 50;
    /** Fill light: from the camera's right, low. */
    private static final double FILL_AZIMUTH = -60;
    private static final double FILL_ELEVATION = 15;
    /** Rim light: behind the character on the right (opposite the key), 30° up. */
    private static final double RIM_AZIMUTH = 180 + 45;
    private static final double RIM_ELEVATION = 30;

    final Camera camera;
    final int width;
    final int height;
    final Vec3 eye;
    final Vec3 forward;
    final Vec3 right;
    final Vec3 up;
    final double tanX;
    final double tanY;
    /** Ray through pixel coordinates (x, y): d0 + x·dx + y·dy, with a forward component of 1 (so t is depth). */
    final Vec3 d0;
    final Vec3 dx;
    final Vec3 dy;
    /** The camera's heading on the ground (unit, horizontal) and its right-hand side. */
    final Vec3 heading;
    final Vec3 side;
    /** Unit directions towards the lights. */
    final Vec3 key;
    final Vec3 fill;
    final Vec3 rim;

    View(Camera camera, int width, int height) {
        this.camera = camera;
        this.width = width;
        this.height = height;
        eye = camera.eye();
        forward = camera.target().minus(eye).normalized();
        right = forward.cross(camera.up()).normalized();
        up = right.cross(forward);
        tanY = StrictMath.tan(Math.toRadians(camera.verticalFovDegrees()) / 2);
        tanX = tanY * width / height;
        dx = right.times(2 * tanX / width);
        dy = up.times(-2 * tanY / height);
        d0 = forward.minus(right.times(tanX)).plus(up.times(tanY));

        Vec3 flat = new Vec3(forward.x(), 0, forward.z());
        if (flat.length() < 1e-3) {
            // Looking straight down (or up): the image's top edge points where the camera heads.
            Vec3 u = new Vec3(up.x(), 0, up.z());
            flat = forward.y() < 0 ? u : u.times(-1);
        }
        heading = flat.normalized(Vec3.Z.times(-1));
        side = heading.cross(Vec3.Y).normalized(Vec3.X);
        key = light(KEY_AZIMUTH, KEY_ELEVATION);
        fill = light(FILL_AZIMUTH, FILL_ELEVATION);
        rim = light(RIM_AZIMUTH, RIM_ELEVATION);
    }

    /** Direction towards a light {@code azimuth} degrees to the camera's left of the direction back to the camera. */
    private Vec3 light(double azimuthDegrees, double elevationDegrees) {
        double az = Math.toRadians(azimuthDegrees);
        double el = Math.toRadians(elevationDegrees);
        double c = StrictMath.cos(el);
        return heading.times(-c * StrictMath.cos(az)).minus(side.times(c * StrictMath.sin(az)))
                .plus(Vec3.Y.times(StrictMath.sin(el))).normalized();
    }

    /** Pixel x of a point at view-space (x, depth). */
    double pixelX(double xView, double depth) {
        return width * 0.5 * (1 + xView / (depth * tanX));
    }

    /** Pixel y of a point at view-space (y, depth). */
    double pixelY(double yView, double depth) {
        return height * 0.5 * (1 - yView / (depth * tanY));
    }
}
