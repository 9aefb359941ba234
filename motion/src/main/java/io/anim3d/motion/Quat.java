package io.anim3d.motion;

/**
 * An immutable rotation quaternion (w, x, y, z), unit length. Composition follows the matrix
 * convention: {@code a.mul(b)} rotates by b first, then by a.
 */
public record Quat(double w, double x, double y, double z) {
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    public static Quat axisAngle(Vec3 axis, double radians) {
        Vec3 a = axis.normalized(Vec3.X);
        double s = Math.sin(radians / 2);
        return new Quat(Math.cos(radians / 2), a.x() * s, a.y() * s, a.z() * s);
    }

    /** The shortest rotation taking direction {@code from} to direction {@code to}. */
    public static Quat fromTo(Vec3 from, Vec3 to) {
        Vec3 f = from.normalized(Vec3.X);
        Vec3 t = to.normalized(Vec3.X);
        double d = f.dot(t);
        if (d < -1 + 1e-12) {
            Vec3 axis = Vec3.X.cross(f);
            if (axis.length() < 1e-6) {
                axis = Vec3.Y.cross(f);
            }
            return axisAngle(axis, Math.PI);
        }
        Vec3 c = f.cross(t);
        return new Quat(1 + d, c.x(), c.y(), c.z()).normalized();
    }

    /**
     * The rotation whose local axes map to the given orthonormal frame: local X → {@code xAxis},
     * Y → {@code yAxis}, Z → {@code zAxis} (columns of the rotation matrix).
     */
    public static Quat fromAxes(Vec3 xAxis, Vec3 yAxis, Vec3 zAxis) {
        return fromMatrix(new double[] {
            xAxis.x(), yAxis.x(), zAxis.x(),
            xAxis.y(), yAxis.y(), zAxis.y(),
            xAxis.z(), yAxis.z(), zAxis.z()});
    }

    /**
     * A rotation with its Y axis along {@code primary} and its Z axis as close as possible to
     * {@code secondary} (Gram–Schmidt); X completes a right-handed frame.
     */
    public static Quat lookAlongY(Vec3 primary, Vec3 secondary) {
        Vec3 y = primary.normalized(Vec3.Y);
        Vec3 z = secondary.perpendicularTo(y).normalized(Vec3.Z.perpendicularTo(y).normalized(Vec3.X));
        Vec3 x = y.cross(z);
        return fromAxes(x, y, z);
    }

    /** From a row-major 3×3 rotation matrix (Shepperd's method, stable for every angle). */
    public static Quat fromMatrix(double[] m) {
        double trace = m[0] + m[4] + m[8];
        double w, x, y, z;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1) * 2;
            w = s / 4;
            x = (m[7] - m[5]) / s;
            y = (m[2] - m[6]) / s;
            z = (m[3] - m[1]) / s;
        } else if (m[0] > m[4] && m[0] > m[8]) {
            double s = Math.sqrt(1 + m[0] - m[4] - m[8]) * 2;
            w = (m[7] - m[5]) / s;
            x = s / 4;
            y = (m[1] + m[3]) / s;
            z = (m[2] + m[6]) / s;
        } else if (m[4] > m[8]) {
            double s = Math.sqrt(1 + m[4] - m[0] - m[8]) * 2;
            w = (m[2] - m[6]) / s;
            x = (m[1] + m[3]) / s;
            y = s / 4;
            z = (m[5] + m[7]) / s;
        } else {
            double s = Math.sqrt(1 + m[8] - m[0] - m[4]) * 2;
            w = (m[3] - m[1]) / s;
            x = (m[2] + m[6]) / s;
            y = (m[5] + m[7]) / s;
            z = s / 4;
        }
        return new Quat(w, x, y, z).normalized();
    }

    /** Row-major 3×3 rotation matrix. */
    public double[] toMatrix() {
        double xx = x * x, yy = y * y, zz = z * z, xy = x * y, xz = x * z, yz = y * z, wx = w * x, wy = w * y, wz = w * z;
        return new double[] {
            1 - 2 * (yy + zz), 2 * (xy - wz), 2 * (xz + wy),
            2 * (xy + wz), 1 - 2 * (xx + zz), 2 * (yz - wx),
            2 * (xz - wy), 2 * (yz + wx), 1 - 2 * (xx + yy)};
    }

    public Quat mul(Quat o) {
        return new Quat(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    /** The inverse rotation (the conjugate of a unit quaternion). */
    public Quat inverse() {
        return new Quat(w, -x, -y, -z);
    }

    public Vec3 rotate(Vec3 v) {
        // v' = v + 2w(q × v) + 2 q × (q × v)
        double tx = 2 * (y * v.z() - z * v.y());
        double ty = 2 * (z * v.x() - x * v.z());
        double tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty), v.y() + w * ty + (z * tx - x * tz), v.z() + w * tz + (x * ty - y * tx));
    }

    public double dot(Quat o) {
        return w * o.w + x * o.x + y * o.y + z * o.z;
    }

    public Quat negated() {
        return new Quat(-w, -x, -y, -z);
    }

    /** The same rotation on the hemisphere of {@code reference} (no sign flip between frames). */
    public Quat alignedWith(Quat reference) {
        return dot(reference) < 0 ? negated() : this;
    }

    public Quat normalized() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        return n > 0 ? new Quat(w / n, x / n, y / n, z / n) : IDENTITY;
    }

    /** Rotation angle in radians, 0 to π (atan2, accurate near 0 where acos is not). */
    public double angle() {
        return 2 * Math.atan2(Math.sqrt(x * x + y * y + z * z), Math.abs(w));
    }

    /** Angle between two rotations, radians, 0 to π. */
    public double angleTo(Quat o) {
        return inverse().mul(o).angle();
    }

    /** Spherical interpolation along the shorter arc. */
    public Quat slerp(Quat o, double t) {
        Quat b = o.alignedWith(this);
        double d = Math.min(1, dot(b));
        if (d > 0.9995) {
            return new Quat(w + (b.w - w) * t, x + (b.x - x) * t, y + (b.y - y) * t, z + (b.z - z) * t).normalized();
        }
        double theta = Math.acos(d);
        double s = Math.sin(theta);
        double a = Math.sin((1 - t) * theta) / s;
        double c = Math.sin(t * theta) / s;
        return new Quat(a * w + c * b.w, a * x + c * b.x, a * y + c * b.y, a * z + c * b.z);
    }

    /** Rotation vector (axis × angle, radians): the log map, continuous near identity. */
    public Vec3 log() {
        Quat q = w < 0 ? negated() : this;
        double s = Math.sqrt(q.x * q.x + q.y * q.y + q.z * q.z);
        if (s < 1e-12) {
            return new Vec3(2 * q.x, 2 * q.y, 2 * q.z);
        }
        double angle = 2 * Math.atan2(s, q.w);
        return new Vec3(q.x / s * angle, q.y / s * angle, q.z / s * angle);
    }

    /** Inverse of {@link #log()}. */
    public static Quat exp(Vec3 rotationVector) {
        double angle = rotationVector.length();
        if (angle < 1e-12) {
            return new Quat(1, rotationVector.x() / 2, rotationVector.y() / 2, rotationVector.z() / 2).normalized();
        }
        return axisAngle(rotationVector, angle);
    }

    /**
     * Swing–twist decomposition about the unit {@code axis}: {@code this = swing · twist}, where
     * twist turns about {@code axis} and swing is perpendicular to it.
     *
     * @return {swing, twist}
     */
    public Quat[] swingTwist(Vec3 axis) {
        Vec3 a = axis.normalized(Vec3.Y);
        double p = x * a.x() + y * a.y() + z * a.z();
        Quat twist = new Quat(w, a.x() * p, a.y() * p, a.z() * p);
        double n = Math.sqrt(twist.w * twist.w + p * p);
        twist = n < 1e-12 ? IDENTITY : new Quat(twist.w / n, twist.x / n, twist.y / n, twist.z / n);
        Quat swing = mul(twist.inverse());
        return new Quat[] {swing, twist};
    }
}
