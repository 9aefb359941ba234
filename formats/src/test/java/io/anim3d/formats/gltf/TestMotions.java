package io.anim3d.formats.gltf;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.List;

/**
 * Deterministic sine motions on the standard humanoid: several joints rotate (Hips turn a full
 * circle about Y, arms, legs, spine, head, fingers), the translated joint walks forward and bobs,
 * and LeftForeArm's quaternion flips sign on every other frame (the same rotation), which a
 * writer must undo so LINEAR interpolation never takes the long way.
 */
final class TestMotions {
    static final double FPS = 30;
    static final int FRAMES = 60;
    static final List<String> ROTATED = List.of("Hips", "Spine", "Spine1", "Neck", "Head", "LeftArm", "LeftForeArm",
            "RightArm", "RightForeArm", "LeftUpLeg", "LeftLeg", "RightUpLeg", "RightLeg", "LeftFoot", "LeftHandIndex1",
            "RightHandThumb2");

    private TestMotions() {
    }

    /**
     * @param rootAtOrigin on {@code Humanoid.standard(true)}: Root static at the origin, Hips
     *                     translated (relative to Root); otherwise the Hips root translates
     */
    static Motion walk(boolean rootAtOrigin) {
        Skeleton s = Humanoid.standard(rootAtOrigin);
        Motion.Builder b = Motion.builder(s, FPS, FRAMES);
        for (int f = 0; f < FRAMES; f++) {
            double t = f / FPS;
            for (int i = 0; i < ROTATED.size(); i++) {
                String name = ROTATED.get(i);
                Quat q = name.equals("Hips")
                        ? Quat.axisAngle(Vec3.Y, 2 * Math.PI * f / (FRAMES - 1)).mul(Quat.axisAngle(Vec3.X, 0.2 * Math.sin(3 * t)))
                        : Quat.exp(new Vec3(0.6 * Math.sin(2.1 * t + i), 0.4 * Math.sin(1.3 * t + 2 * i), 0.5 * Math.cos(1.7 * t + i)));
                if (name.equals("LeftForeArm") && f % 2 == 1) {
                    q = q.negated();
                }
                b.rotation(f, s.require(name), q);
            }
            b.rootPosition(f, new Vec3(0.3 * Math.sin(1.5 * t), 0.95 + 0.05 * Math.sin(6 * t), 0.8 * t));
        }
        if (rootAtOrigin) {
            b.translatedJoint(s.require(Humanoid.HIPS));
        }
        return b.build();
    }

    /** Per-frame weights for the stick figure's two morphs: jawOpen opens and closes, smile ramps up. */
    static java.util.Map<String, float[]> morphWeights() {
        float[] jaw = new float[FRAMES];
        float[] smile = new float[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            jaw[f] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * f / (FRAMES - 1)));
            smile[f] = (float) f / (FRAMES - 1);
        }
        return java.util.Map.of("jawOpen", jaw, "smile", smile);
    }
}
