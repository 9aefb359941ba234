package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Shoes lofted from heel to toe along Foot → ToeBase → Toe_End, with flat soles exactly at
 * y = 0 (each cross-section's lowest point) and a high top that swallows the end of the leg.
 */
final class ShoeMesh {
    private static final int SIDES = 16;

    private ShoeMesh() {
    }

    static void build(StockRig rig, MeshBuilder mb) {
        for (int side = 0; side < 2; side++) {
            shoe(rig, mb, side);
        }
    }

    private static void shoe(StockRig rig, MeshBuilder mb, int side) {
        double b = rig.body;
        double g = Math.sqrt(rig.type.limbGirth());
        double sx = side == 0 ? 1 : -1;
        Vec3 foot = rig.at(Humanoid.foot(side));
        double toe = rig.at(Humanoid.toeBase(side)).z() - foot.z();
        int[] chain = {rig.joint(Humanoid.foot(side)), rig.joint(Humanoid.toeBase(side))};
        double[] at = {-1, toe};
        double[] bands = {0, 0.03 * b};
        // {z from the ankle, half width, height}
        double[][] rings = {
            {-0.060, 0.033, 0.085}, {-0.030, 0.039, 0.115}, {0.010, 0.042, 0.120}, {0.050, 0.045, 0.095},
            {0.090, 0.048, 0.070}, {toe / b, 0.049, 0.056}, {0.165, 0.046, 0.046}, {0.190, 0.039, 0.036},
        };
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            double z = r[0] * b;
            double h = r[2] * b;
            // The toes turn slightly outwards, as feet do.
            Vec3 c = new Vec3(foot.x() + sx * 0.03 * z, h / 2, foot.z() + z);
            list.add(new Tube.Ring(c, r[1] * b * g, h / 2, 2.8, Skin.chain(chain, at, bands, z)));
        }
        Tube.add(mb, list, Vec3.Z, Vec3.X, SIDES, 0.015 * b, 0.016 * b);
    }
}
