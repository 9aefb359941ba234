package io.anim3d.formats.fbx.read;

import io.anim3d.motion.Mat4;

/**
 * The change from a file's units and axes ({@code GlobalSettings}) to the character model's:
 * metres, Y up, +Z front, X = the character's left, right-handed.
 *
 * <p>{@code UnitScaleFactor} is centimetres per file unit (1 = cm, 100 = m). The axis settings
 * name, with a sign, the file's up axis, its front axis (the way a character faces: +Z in Maya's
 * Y-up files, −Y in Blender's Z-up ones) and its coord axis (the viewer's right when looking at
 * the front); they become our Y, Z and X. A file whose three settings are left-handed (no
 * exporter writes that) keeps up and coord and takes front = coord × up, so the result is a
 * rotation and never mirrors the character.
 *
 * @param rotation  row-major 3×3 rotation from file axes to ours
 * @param metresPerUnit scale from file units to metres
 */
record AxisSystem(double[] rotation, double metresPerUnit) {
    static AxisSystem of(Properties70 settings) throws FbxSceneException {
        double unit = settings.number("UnitScaleFactor", 1.0);
        if (!(unit > 0) || !Double.isFinite(unit)) {
            throw new FbxSceneException("GlobalSettings UnitScaleFactor is " + unit + "; it must be a positive number"
                    + " of centimetres per unit");
        }
        int up = settings.integer("UpAxis", 1);
        int front = settings.integer("FrontAxis", 2);
        int coord = settings.integer("CoordAxis", 0);
        if (up < 0 || up > 2 || front < 0 || front > 2 || coord < 0 || coord > 2
                || up == front || up == coord || front == coord) {
            throw new FbxSceneException("GlobalSettings axes UpAxis " + up + ", FrontAxis " + front + ", CoordAxis "
                    + coord + " are not three different axes 0..2 (X, Y, Z)");
        }
        double[] x = axis(coord, sign(settings.integer("CoordAxisSign", 1)));
        double[] y = axis(up, sign(settings.integer("UpAxisSign", 1)));
        double[] z = axis(front, sign(settings.integer("FrontAxisSign", 1)));
        double[] m = {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]};
        if (Mat4.det3(m) < 0) {
            double[] c = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
            m[6] = c[0];
            m[7] = c[1];
            m[8] = c[2];
        }
        return new AxisSystem(m, unit / 100.0);
    }

    private static int sign(int s) {
        return s < 0 ? -1 : 1;
    }

    private static double[] axis(int index, int sign) {
        double[] a = new double[3];
        a[index] = sign;
        return a;
    }

    /** The 4×4 (column-major) matrix taking file points to model points in metres. */
    double[] matrix() {
        double[] m = Mat4.identity();
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[col * 4 + row] = rotation[row * 3 + col] * metresPerUnit;
            }
        }
        return m;
    }
}
