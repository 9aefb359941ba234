package io.anim3d.formats.fbx.read;

import io.anim3d.motion.Mat4;

/**
 * A Model's local matrix from its Properties70, by FBX's transform formula (as in the FBX SDK's
 * "Computing transformation matrix" documentation):
 * <pre>L = T · Roff · Rp · Rpre · R · Rpost⁻¹ · Rp⁻¹ · Soff · Sp · S · Sp⁻¹</pre>
 * with R the {@code Lcl Rotation} Euler angles (degrees) in {@code RotationOrder}, and
 * {@code PreRotation}/{@code PostRotation} always XYZ. When {@code RotationActive} is 0 the SDK
 * ignores pre/post rotation and the rotation order, and so do we. The world matrix is
 * {@code parentWorld · L} ({@code InheritType} 1, RSrs, and 0, RrSs, which differs only under
 * non-uniform parent scale and is read as RSrs). {@code InheritType} 2 (Rrs, Maya's segment scale
 * compensation) divides the parent's own {@code Lcl Scaling} out after the translation:
 * {@code parentWorld · T · S_parent⁻¹ · (the rest of L)}, so the child's position still follows
 * the parent's scale but its rotation and scale do not. Maya's exporter relies on this: its
 * HumanIK rigs scale the reference node and every joint by 0.01 when writing metres.
 */
final class NodeTransform {
    private static final double[] ZERO = {0, 0, 0};
    private static final double[] ONE = {1, 1, 1};

    private NodeTransform() {
    }

    /** {@code InheritType} value of Maya's segment scale compensation (Rrs). */
    static final int INHERIT_RRS = 2;

    static double[] lclScaling(Properties70 p) {
        return p.vector3("Lcl Scaling", ONE);
    }

    static double[] local(Properties70 p) {
        return local(p, null);
    }

    /**
     * @param parentScale the parent's {@code Lcl Scaling} to compensate (InheritType 2), or null
     */
    static double[] local(Properties70 p, double[] parentScale) {
        boolean rotationActive = p.integer("RotationActive", 0) != 0;
        double[] t = p.vector3("Lcl Translation", ZERO);
        double[] r = p.vector3("Lcl Rotation", ZERO);
        double[] s = p.vector3("Lcl Scaling", ONE);
        double[] roff = p.vector3("RotationOffset", ZERO);
        double[] rp = p.vector3("RotationPivot", ZERO);
        double[] soff = p.vector3("ScalingOffset", ZERO);
        double[] sp = p.vector3("ScalingPivot", ZERO);
        double[] pre = rotationActive ? p.vector3("PreRotation", ZERO) : ZERO;
        double[] post = rotationActive ? p.vector3("PostRotation", ZERO) : ZERO;
        int order = rotationActive ? p.integer("RotationOrder", 0) : 0;
        double[] postInverse = Mat4.inverseAffine(Mat4.euler(post[0], post[1], post[2], 0));
        double[] compensation = Mat4.identity();
        if (parentScale != null && parentScale[0] != 0 && parentScale[1] != 0 && parentScale[2] != 0) {
            compensation = Mat4.scaling(1 / parentScale[0], 1 / parentScale[1], 1 / parentScale[2]);
        }
        return Mat4.mul(
                Mat4.translation(t[0], t[1], t[2]),
                compensation,
                Mat4.translation(roff[0], roff[1], roff[2]),
                Mat4.translation(rp[0], rp[1], rp[2]),
                Mat4.euler(pre[0], pre[1], pre[2], 0),
                Mat4.euler(r[0], r[1], r[2], order),
                postInverse,
                Mat4.translation(-rp[0], -rp[1], -rp[2]),
                Mat4.translation(soff[0], soff[1], soff[2]),
                Mat4.translation(sp[0], sp[1], sp[2]),
                Mat4.scaling(s[0], s[1], s[2]),
                Mat4.translation(-sp[0], -sp[1], -sp[2]));
    }

    /**
     * The geometric transform of a mesh Model ({@code GeometricTranslation/Rotation/Scaling}):
     * applied to its geometry only, never inherited by children.
     */
    static double[] geometric(Properties70 p) {
        double[] t = p.vector3("GeometricTranslation", ZERO);
        double[] r = p.vector3("GeometricRotation", ZERO);
        double[] s = p.vector3("GeometricScaling", ONE);
        return Mat4.mul(Mat4.translation(t[0], t[1], t[2]), Mat4.euler(r[0], r[1], r[2], 0),
                Mat4.scaling(s[0], s[1], s[2]));
    }
}
