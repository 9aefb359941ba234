package io.anim3d.motion;

/** An immutable 3D vector (metres, unless a caller says otherwise). */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 X = new Vec3(1, 0, 0);
    public static final Vec3 Y = new Vec3(0, 1, 0);
    public static final Vec3 Z = new Vec3(0, 0, 1);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double distance(Vec3 o) {
        return minus(o).length();
    }

    /** This vector scaled to length 1; {@code fallback} when it is (nearly) zero. */
    public Vec3 normalized(Vec3 fallback) {
        double l = length();
        return l > 1e-12 ? times(1 / l) : fallback;
    }

    public Vec3 normalized() {
        return normalized(ZERO);
    }

    /** Linear interpolation: {@code this} at t = 0, {@code o} at t = 1. */
    public Vec3 lerp(Vec3 o, double t) {
        return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
    }

    /** The part of this vector perpendicular to the unit vector {@code n}. */
    public Vec3 perpendicularTo(Vec3 n) {
        return minus(n.times(dot(n)));
    }

    public static Vec3 mean(Vec3... vs) {
        double sx = 0, sy = 0, sz = 0;
        for (Vec3 v : vs) {
            sx += v.x;
            sy += v.y;
            sz += v.z;
        }
        return new Vec3(sx / vs.length, sy / vs.length, sz / vs.length);
    }
}
