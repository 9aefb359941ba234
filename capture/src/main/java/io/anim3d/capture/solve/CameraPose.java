package io.anim3d.capture.solve;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/**
 * Where the camera was relative to the solved motion's world: world = levelling · solver −
 * offset, where the solver frame is the camera's with Y up and Z towards the camera. Used to
 * compare the motion with camera-frame ground truth, and later to place a render camera.
 *
 * @param levelling rotation that made the floor level
 * @param offset    what was subtracted after levelling (floor height, start position), metres
 */
public record CameraPose(Quat levelling, Vec3 offset) {
    /** A world point in camera coordinates: x right, y down, z forward (metres). */
    public Vec3 toCamera(Vec3 world) {
        Vec3 solver = levelling.inverse().rotate(world.plus(offset));
        return new Vec3(solver.x(), -solver.y(), -solver.z());
    }

    /** Where the camera is, in world coordinates (metres). */
    public Vec3 position() {
        return offset.times(-1);
    }

    /** The world direction the camera looks along (its optical axis), unit length. */
    public Vec3 forward() {
        return levelling.rotate(new Vec3(0, 0, -1));
    }

    /** The world direction that is up in the picture, unit length. */
    public Vec3 up() {
        return levelling.rotate(new Vec3(0, 1, 0));
    }
}
