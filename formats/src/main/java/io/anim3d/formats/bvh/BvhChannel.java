package io.anim3d.formats.bvh;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.util.Locale;

/** One BVH channel: a translation along, or a rotation in degrees about, one parent-frame axis. */
public enum BvhChannel {
    XPOSITION("Xposition", 0, false),
    YPOSITION("Yposition", 1, false),
    ZPOSITION("Zposition", 2, false),
    XROTATION("Xrotation", 0, true),
    YROTATION("Yrotation", 1, true),
    ZROTATION("Zrotation", 2, true);

    private static final Vec3[] AXES = {Vec3.X, Vec3.Y, Vec3.Z};

    private final String fileName;
    private final int axis;
    private final boolean rotation;

    BvhChannel(String fileName, int axis, boolean rotation) {
        this.fileName = fileName;
        this.axis = axis;
        this.rotation = rotation;
    }

    /** The name as written in a CHANNELS line, e.g. {@code Zrotation}. */
    public String fileName() {
        return fileName;
    }

    /** 0 for X, 1 for Y, 2 for Z. */
    public int axis() {
        return axis;
    }

    public boolean isRotation() {
        return rotation;
    }

    /** The rotation by {@code degrees} about this channel's axis (identity for position channels). */
    public Quat rotation(double degrees) {
        return rotation ? Quat.axisAngle(AXES[axis], Math.toRadians(degrees)) : Quat.IDENTITY;
    }

    /**
     * The channel called {@code name}; case is ignored as Blender's importer ignores it.
     *
     * @return null when the name is not a BVH channel
     */
    public static BvhChannel parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (BvhChannel c : values()) {
            if (c.fileName.toLowerCase(Locale.ROOT).equals(lower)) {
                return c;
            }
        }
        return null;
    }
}
