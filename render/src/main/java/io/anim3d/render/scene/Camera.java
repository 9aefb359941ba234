package io.anim3d.render.scene;

import io.anim3d.motion.Vec3;
import java.util.Objects;

/**
 * Pinhole camera, world metres, Y up (the character model's space: the character faces +Z, its
 * left side towards +X).
 *
 * @param eye                 position of the pinhole, metres
 * @param target              a point the camera looks at (centre of the image), metres
 * @param up                  the direction that appears upwards in the image; need not be
 *                            perpendicular to the view direction but must not be parallel to it
 * @param verticalFovDegrees  angle between the image's top and bottom edges, more than 0 and less
 *                            than 180 degrees; the horizontal angle follows from the aspect ratio
 */
public record Camera(Vec3 eye, Vec3 target, Vec3 up, double verticalFovDegrees) {
    /** A field of view close to a 50 mm lens on a full-frame camera: little perspective distortion. */
    public static final double DEFAULT_FOV_DEGREES = 40;

    public Camera {
        Objects.requireNonNull(eye, "eye");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(up, "up");
        if (!finite(eye) || !finite(target) || !finite(up)) {
            throw new IllegalArgumentException("camera eye, target and up must be finite, got " + eye + ", " + target
                    + ", " + up);
        }
        if (!(verticalFovDegrees > 0 && verticalFovDegrees < 180)) {
            throw new IllegalArgumentException("verticalFovDegrees must be more than 0 and less than 180, got "
                    + verticalFovDegrees);
        }
        Vec3 forward = target.minus(eye);
        if (forward.length() < 1e-9) {
            throw new IllegalArgumentException("camera eye and target are the same point " + eye
                    + "; move the eye away from the target");
        }
        if (forward.normalized().cross(up.normalized()).length() < 1e-6) {
            throw new IllegalArgumentException("camera up " + up + " is parallel to the view direction " + forward
                    + "; use another up vector (e.g. Z when looking straight down)");
        }
    }

    /**
     * A camera on a sphere around {@code target}, looking at it with Y up.
     *
     * @param yawDegrees   0 in front of the character (on its +Z side); 90 on its left (+X)
     * @param pitchDegrees above the target's height (looking down) when positive, below −90 to 90
     *                     exclusive
     * @param distance     metres from the target, &gt; 0
     */
    public static Camera orbit(Vec3 target, double yawDegrees, double pitchDegrees, double distance,
                               double verticalFovDegrees) {
        if (!(distance > 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("orbit distance must be a positive number of metres, got " + distance);
        }
        if (!(Math.abs(pitchDegrees) < 90)) {
            throw new IllegalArgumentException("orbit pitch must be between -90 and 90 degrees exclusive, got " + pitchDegrees);
        }
        double yaw = Math.toRadians(yawDegrees);
        double pitch = Math.toRadians(pitchDegrees);
        double level = StrictMath.cos(pitch);
        Vec3 direction = new Vec3(StrictMath.sin(yaw) * level, StrictMath.sin(pitch), StrictMath.cos(yaw) * level);
        return new Camera(target.plus(direction.times(distance)), target, Vec3.Y, verticalFovDegrees);
    }

    /** Distance at which {@code visibleHeightMetres} (centred on the target, seen square-on) fills the image's height. */
    public static double distanceToFit(double visibleHeightMetres, double verticalFovDegrees) {
        if (!(visibleHeightMetres > 0) || !(verticalFovDegrees > 0 && verticalFovDegrees < 180)) {
            throw new IllegalArgumentException("need a positive height and a field of view between 0 and 180 degrees, got "
                    + visibleHeightMetres + " m and " + verticalFovDegrees + " degrees");
        }
        return visibleHeightMetres / 2 / StrictMath.tan(Math.toRadians(verticalFovDegrees) / 2);
    }

    private static boolean finite(Vec3 v) {
        return Double.isFinite(v.x()) && Double.isFinite(v.y()) && Double.isFinite(v.z());
    }
}
