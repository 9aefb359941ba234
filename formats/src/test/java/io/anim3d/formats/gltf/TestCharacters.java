package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Material;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
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
 * A stick-figure character built in code on any skeleton: an open six-sided tube along every bone
 * (parent joint → child joint), skinned to the parent joint in its middle and blended half and
 * half with the neighbouring joints at both ends. The tubes owned by Neck and Head form the mesh
 * "Head" (no UVs, material "Cloth", morphs {@code jawOpen} with normal deltas and {@code smile}
 * without); every other tube forms "Body" (UVs, material "Skin" with an 8×8 PNG texture).
 */
final class TestCharacters {
    static final int SIDES = 6;
    static final int RINGS = 3;
    static final int VERTICES_PER_TUBE = SIDES * RINGS;

    private TestCharacters() {
    }

    static Character stickFigure(Skeleton s) {
        Vec3[] rest = s.restPositions();
        Part body = new Part();
        Part head = new Part();
        for (int c = 1; c < s.size(); c++) {
            int p = s.parent(c);
            boolean isHead = s.name(p).equals("Neck") || s.name(p).equals("Head");
            (isHead ? head : body).tube(rest[s.parent(c)], rest[c], s.parent(p), p, c);
        }
        List<MorphTarget> morphs = List.of(head.morph("jawOpen", new Vec3(0, -0.02, 0.01), true),
                head.morph("smile", new Vec3(0.005, 0.004, 0), false));
        Mesh bodyMesh = body.mesh("Body", true, 0, List.of());
        Mesh headMesh = head.mesh("Head", false, 1, morphs);
        List<Material> materials = List.of(new Material("Skin", new float[] {0.8f, 0.6f, 0.5f, 1}, 0.7f, png()),
                new Material("Cloth", new float[] {0.1f, 0.2f, 0.6f, 1}, 0.9f, null));
        return new Character("stick-figure", s, List.of(bodyMesh, headMesh), materials, Map.of("licence", "CC0-1.0"));
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

        /** A tube from {@code a} to {@code b}, owned by joint {@code owner}, blended with {@code before} (may be −1) and {@code after}. */
        void tube(Vec3 a, Vec3 b, int before, int owner, int after) {
            Vec3 axis = b.minus(a);
            double length = axis.length();
            Vec3 dir = axis.normalized(Vec3.Y);
            Vec3 u = (Math.abs(dir.y()) < 0.9 ? Vec3.Y : Vec3.X).cross(dir).normalized();
            Vec3 v = dir.cross(u);
            double radius = Math.min(0.04, 0.15 * length + 0.004);
            int base = positions.size();
            for (int r = 0; r < RINGS; r++) {
                double t = r / (RINGS - 1.0);
                for (int k = 0; k < SIDES; k++) {
                    double angle = 2 * Math.PI * k / SIDES;
                    Vec3 n = u.times(Math.cos(angle)).plus(v.times(Math.sin(angle)));
                    Vec3 p = a.plus(axis.times(t)).plus(n.times(radius));
                    positions.add(new float[] {(float) p.x(), (float) p.y(), (float) p.z()});
                    normals.add(new float[] {(float) n.x(), (float) n.y(), (float) n.z()});
                    uvs.add(new float[] {(float) k / SIDES, (float) t});
                    if (r == 0 && before >= 0) {
                        joints.add(new int[] {owner, before, 0, 0});
                        weights.add(new float[] {0.5f, 0.5f, 0, 0});
                    } else if (r == RINGS - 1) {
                        joints.add(new int[] {owner, after, 0, 0});
                        weights.add(new float[] {0.7f, 0.3f, 0, 0});
                    } else {
                        joints.add(new int[] {owner, 0, 0, 0});
                        weights.add(new float[] {1, 0, 0, 0});
                    }
                }
            }
            for (int r = 0; r + 1 < RINGS; r++) {
                for (int k = 0; k < SIDES; k++) {
                    int i0 = base + r * SIDES + k;
                    int i1 = base + r * SIDES + (k + 1) % SIDES;
                    int j0 = i0 + SIDES;
                    int j1 = i1 + SIDES;
                    // counter-clockwise seen from outside (normals point away from the axis)
                    triangles.addAll(List.of(i0, i1, j1, i0, j1, j0));
                }
            }
        }

        /** Every vertex below the part's mean height moves by {@code delta}; normals tilt when asked. */
        MorphTarget morph(String name, Vec3 delta, boolean withNormals) {
            double meanY = positions.stream().mapToDouble(p -> p[1]).average().orElse(0);
            float[] d = new float[3 * positions.size()];
            float[] nd = withNormals ? new float[d.length] : null;
            for (int i = 0; i < positions.size(); i++) {
                double f = positions.get(i)[1] < meanY ? 1 : 0.25;
                d[3 * i] = (float) (delta.x() * f);
                d[3 * i + 1] = (float) (delta.y() * f);
                d[3 * i + 2] = (float) (delta.z() * f);
                if (nd != null) {
                    nd[3 * i + 2] = (float) (0.1 * f);
                }
            }
            return new MorphTarget(name, d, nd);
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
