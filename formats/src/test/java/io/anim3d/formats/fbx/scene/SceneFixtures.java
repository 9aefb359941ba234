package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Material;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Test characters and motions built in code. The character has a box along every bone (parent
 * joint → child joint, 24 vertices with flat normals), owned by the parent joint and blended
 * with its neighbours at both ends; the boxes of Neck and Head form mesh "Head" (material
 * "Cloth", no UVs, morphs jawOpen and smile), all others mesh "Body" (material "Skin" with UVs
 * and an 8×8 PNG). The motion rotates several joints with sines (Hips a full turn about Y,
 * forearms twisting about their bone axis) and walks the translated joint forward.
 */
final class SceneFixtures {
    static final double FPS = 30;
    static final int FRAMES = 60;
    static final int VERTICES_PER_BOX = 24;
    static final List<String> ROTATED = List.of("Hips", "Spine", "Spine1", "Neck", "Head", "LeftArm", "LeftForeArm",
            "RightArm", "RightForeArm", "LeftHand", "LeftUpLeg", "LeftLeg", "RightUpLeg", "RightLeg", "LeftFoot",
            "LeftHandIndex1", "RightHandThumb2");

    private SceneFixtures() {
    }

    static Character character(Skeleton s) {
        Vec3[] rest = s.restPositions();
        Part body = new Part();
        Part head = new Part();
        for (int c = 1; c < s.size(); c++) {
            int p = s.parent(c);
            boolean isHead = s.name(p).equals("Neck") || s.name(p).equals("Head");
            (isHead ? head : body).box(rest[p], rest[c], s.parent(p), p, c);
        }
        List<MorphTarget> morphs = List.of(head.morph("jawOpen", new Vec3(0, -0.02, 0.01), true),
                head.morph("smile", new Vec3(0.005, 0.004, 0), false));
        List<Material> materials = List.of(new Material("Skin", new float[] {0.8f, 0.6f, 0.5f, 1}, 0.7f, png()),
                new Material("Cloth", new float[] {0.1f, 0.2f, 0.6f, 1}, 0.9f, null));
        return new Character("box-figure", s, List.of(body.mesh("Body", true, 0, List.of()),
                head.mesh("Head", false, 1, morphs)), materials, Map.of());
    }

    /** The sine motion on {@code Humanoid.standard(rootAtOrigin)}; with the Root, Hips carry the translation. */
    static Motion motion(boolean rootAtOrigin, int frames) {
        Skeleton s = Humanoid.standard(rootAtOrigin);
        Motion.Builder b = Motion.builder(s, FPS, frames);
        for (int f = 0; f < frames; f++) {
            double t = f / FPS;
            for (int i = 0; i < ROTATED.size(); i++) {
                String name = ROTATED.get(i);
                Quat q;
                if (name.equals("Hips")) {
                    q = Quat.axisAngle(Vec3.Y, 2 * Math.PI * f / (frames - 1)).mul(Quat.axisAngle(Vec3.X, 0.2 * Math.sin(3 * t)));
                } else if (name.endsWith("ForeArm")) {
                    // twist about the bone (X in the T-pose) up to ±150°, plus a bend
                    q = Quat.axisAngle(Vec3.X, 2.6 * Math.sin(1.1 * t + i)).mul(Quat.axisAngle(Vec3.Y, 0.8 * Math.sin(2 * t)));
                } else {
                    q = Quat.exp(new Vec3(0.6 * Math.sin(2.1 * t + i), 0.4 * Math.sin(1.3 * t + 2 * i), 0.5 * Math.cos(1.7 * t + i)));
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

    /** An 8×8 RGB checkerboard as PNG bytes, written by the JDK's own encoder. */
    static byte[] png() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, ((x + y) & 1) == 0 ? 0xd0a080 : 0x604030);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One mesh's growing vertex and triangle lists. */
    private static final class Part {
        final List<float[]> positions = new ArrayList<>();
        final List<float[]> normals = new ArrayList<>();
        final List<float[]> uvs = new ArrayList<>();
        final List<int[]> joints = new ArrayList<>();
        final List<float[]> weights = new ArrayList<>();
        final List<Integer> triangles = new ArrayList<>();

        /** A box from {@code a} to {@code b} owned by {@code owner}, blended with {@code before} (may be −1) and {@code after}. */
        void box(Vec3 a, Vec3 b, int before, int owner, int after) {
            Vec3 axis = b.minus(a);
            Vec3 d = axis.normalized(Vec3.Y);
            Vec3 u = (Math.abs(d.y()) < 0.9 ? Vec3.Y : Vec3.X).cross(d).normalized();
            Vec3 v = d.cross(u);
            double r = Math.min(0.04, 0.15 * axis.length() + 0.004);
            // (u, v, d) is right-handed; per face its outward normal and two in-plane axes with e1 × e2 = normal
            Vec3[][] faces = {{u, v, d}, {u.times(-1), d, v}, {v, d, u}, {v.times(-1), u, d}, {d, u, v},
                {d.times(-1), v, u}};
            for (Vec3[] face : faces) {
                Vec3 n = face[0];
                Vec3 e1 = face[1];
                Vec3 e2 = face[2];
                int base = positions.size();
                double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
                for (double[] c : corners) {
                    // the corner in box coordinates (±1 along u, v, d)
                    Vec3 local = n.plus(e1.times(c[0])).plus(e2.times(c[1]));
                    double su = local.dot(u);
                    double sv = local.dot(v);
                    double sd = (local.dot(d) + 1) / 2; // 0 at a, 1 at b
                    Vec3 p = a.plus(axis.times(Math.rint(sd))).plus(u.times(r * Math.signum(su))).plus(v.times(r * Math.signum(sv)));
                    positions.add(new float[] {(float) p.x(), (float) p.y(), (float) p.z()});
                    normals.add(new float[] {(float) n.x(), (float) n.y(), (float) n.z()});
                    uvs.add(new float[] {(float) (c[0] + 1) / 2, (float) (c[1] + 1) / 2});
                    if (Math.rint(sd) == 0 && before >= 0) {
                        joints.add(new int[] {owner, before, 0, 0});
                        weights.add(new float[] {0.6f, 0.4f, 0, 0});
                    } else if (Math.rint(sd) == 1) {
                        joints.add(new int[] {owner, after, 0, 0});
                        weights.add(new float[] {0.7f, 0.3f, 0, 0});
                    } else {
                        joints.add(new int[] {owner, 0, 0, 0});
                        weights.add(new float[] {1, 0, 0, 0});
                    }
                }
                triangles.addAll(List.of(base, base + 1, base + 2, base, base + 2, base + 3));
            }
        }

        /** Every vertex below the part's mean height moves by {@code delta}, the rest by a quarter of it. */
        MorphTarget morph(String name, Vec3 delta, boolean withNormals) {
            double meanY = positions.stream().mapToDouble(p -> p[1]).average().orElse(0);
            float[] dd = new float[3 * positions.size()];
            float[] nd = withNormals ? new float[dd.length] : null;
            for (int i = 0; i < positions.size(); i++) {
                double f = positions.get(i)[1] < meanY ? 1 : 0.25;
                dd[3 * i] = (float) (delta.x() * f);
                dd[3 * i + 1] = (float) (delta.y() * f);
                dd[3 * i + 2] = (float) (delta.z() * f);
                if (nd != null) {
                    nd[3 * i + 2] = (float) (0.1 * f);
                }
            }
            return new MorphTarget(name, dd, nd);
        }

        Mesh mesh(String name, boolean withUvs, int material, List<MorphTarget> morphs) {
            return new Mesh(name, flat(positions), flat(normals), withUvs ? flat(uvs) : null,
                    triangles.stream().mapToInt(Integer::intValue).toArray(), flatInts(joints), flat(weights), material, morphs);
        }

        private static float[] flat(List<float[]> l) {
            int k = l.get(0).length;
            float[] out = new float[k * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, out, k * i, k);
            }
            return out;
        }

        private static int[] flatInts(List<int[]> l) {
            int[] out = new int[4 * l.size()];
            for (int i = 0; i < l.size(); i++) {
                System.arraycopy(l.get(i), 0, out, 4 * i, 4);
            }
            return out;
        }
    }
}
