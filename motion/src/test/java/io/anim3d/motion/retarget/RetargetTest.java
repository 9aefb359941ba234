package io.anim3d.motion.retarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import org.junit.jupiter.api.Test;

class RetargetTest {
    @Test
    void rotationsCopyByNameAndTranslationScalesWithLegLength() {
        Skeleton person = Humanoid.standard();
        Vec3[] offsets = new Vec3[person.size()];
        for (int j = 0; j < offsets.length; j++) {
            offsets[j] = person.offset(j).times(1.2);
        }
        Skeleton tall = person.withOffsets(offsets);
        Motion.Builder b = Motion.builder(person, 30, 3);
        int knee = person.require("LeftLeg");
        for (int f = 0; f < 3; f++) {
            b.rotation(f, knee, Quat.axisAngle(Vec3.X, 0.3 * f));
            b.rootPosition(f, new Vec3(0.1 * f, person.offset(0).y(), 0));
        }
        Motion m = b.build();
        Motion r = Retarget.byName(m, tall);
        for (int f = 0; f < 3; f++) {
            assertTrue(r.rotation(f, tall.require("LeftLeg")).angleTo(m.rotation(f, knee)) < 1e-6, "knee rotation copied");
            assertEquals(m.rootPosition(f).x() * 1.2, r.rootPosition(f).x(), 1e-9, "stride scaled by leg length");
            assertEquals(m.rootPosition(f).y() * 1.2, r.rootPosition(f).y(), 1e-9, "hips height scaled");
        }
    }

    @Test
    void rootAtOriginLayoutKeepsTheHipsTranslated() {
        Skeleton withRoot = Humanoid.standard(true);
        Motion m = Motion.builder(withRoot, 30, 2).translatedJoint(1).rootPosition(1, new Vec3(0.5, 0.95, 0)).build();
        Motion r = Retarget.byName(m, Humanoid.standard(true));
        assertEquals(1, r.translatedJoint());
        assertTrue(r.worldPositions(1)[1].distance(new Vec3(0.5, 0.95, 0)) < 1e-9);
    }
}
