package io.anim3d.formats.fbx.read;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.formats.fbx.FbxArrayType;
import io.anim3d.formats.fbx.FbxProperty;
import io.anim3d.motion.Mat4;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mesh Model and its {@code Geometry} → one {@link Mesh} per material it uses, in the bind
 * pose and model space (metres, Y up, +Z front).
 *
 * <p>Control points are placed by {@code axes · meshWorld · geometric}, where meshWorld is the
 * mesh's world matrix when the skin was bound (a Cluster's TransformLink · Transform, else the
 * BindPose, else the scene's transform). Polygons ({@code PolygonVertexIndex}, a negative index
 * ending each one as {@code -(i+1)}) are triangulated as fans (fine for the convex polygons
 * exporters write), counter-clockwise from outside; a mirroring transform reverses the winding.
 * A vertex is made for each distinct (control point, normal, UV) of the corners, so hard edges
 * and UV seams split vertices and nothing else does; skin weights and morph offsets follow the
 * control point. Missing normals (or a corner without a valid one) get smooth normals: the
 * area-weighted average of the faces around the control point. UVs are flipped to v = 1 − v,
 * because FBX puts v = 0 at the bottom of the image and the model (as glTF) at the top.
 */
final class MeshReader {
    private record Key(int cp, double nx, double ny, double nz, double u, double v) {
    }

    /** The vertices and triangles of one material's part. */
    private static final class Part {
        final Map<Key, Integer> index = new HashMap<>();
        final List<Key> vertices = new ArrayList<>();
        int[] triangles = new int[64];
        int triangleValues;

        int vertex(Key k) {
            Integer i = index.get(k);
            if (i == null) {
                i = vertices.size();
                index.put(k, i);
                vertices.add(k);
            }
            return i;
        }

        void triangle(int a, int b, int c) {
            if (triangleValues + 3 > triangles.length) {
                triangles = Arrays.copyOf(triangles, triangles.length * 2);
            }
            triangles[triangleValues++] = a;
            triangles[triangleValues++] = b;
            triangles[triangleValues++] = c;
        }
    }

    /** Everything shared by the meshes of one character. */
    record Context(FbxObjects scene, AxisSystem axes, BindPoses binds, SkeletonReader.Bones bones,
                   MaterialTable materials, ReadBudget budget, Set<String> meshNames) {
    }

    private MeshReader() {
    }

    static List<Mesh> read(Context ctx, FbxObjects.Obj model, FbxObjects.Obj geometry) throws FbxSceneException {
        FbxObjects scene = ctx.scene();
        String name = model.name().isBlank() ? "mesh" : model.name();
        double[] raw = LayerElement.numbers(geometry.node(), "Vertices", "mesh " + name);
        if (raw == null || raw.length % 3 != 0) {
            throw new FbxSceneException("mesh " + name + " has " + (raw == null ? "no" : raw.length)
                    + " Vertices values; it needs 3 per control point");
        }
        int n = raw.length / 3;
        ctx.budget().controlPoints(name, n);
        int[] pvi = ints(geometry, "PolygonVertexIndex", name);
        ctx.budget().corners(name, pvi.length);

        Integer parentBone = parentBone(ctx, model);
        boolean skinned = SkinReader.isSkinned(scene, geometry);
        if (!skinned && parentBone == null) {
            throw new FbxSceneException("mesh " + name + " is not skinned: it has no Skin deformer and no parent bone;"
                    + " bind it to the skeleton (or delete it) before exporting");
        }
        double[] meshWorld = skinned ? SkinReader.clusterMeshWorld(scene, geometry) : null;
        if (meshWorld == null) {
            meshWorld = ctx.binds().world(model);
        }
        double[] full = Mat4.mul(ctx.axes().matrix(), meshWorld, NodeTransform.geometric(scene.properties(model)));
        double[] linear = Mat4.linear(full);
        double[] inverse = Mat4.invert3(linear);
        if (inverse == null) {
            throw new FbxSceneException("mesh " + name + " has a singular bind transform (zero scale); fix its scale");
        }
        double[] normalMatrix = transpose3(inverse);
        boolean flip = Mat4.det3(linear) < 0;

        double[] positions = new double[raw.length];
        for (int cp = 0; cp < n; cp++) {
            double[] p = Mat4.transformPoint(full, raw[3 * cp], raw[3 * cp + 1], raw[3 * cp + 2]);
            if (!Double.isFinite(p[0] + p[1] + p[2])) {
                throw new FbxSceneException("mesh " + name + " control point " + cp + " is not a finite position");
            }
            System.arraycopy(p, 0, positions, 3 * cp, 3);
        }

        int fallbackJoint = parentBone != null ? parentBone : 0;
        SkinReader.Skin skin = skinned
                ? SkinReader.read(scene, geometry, name, n, positions, ctx.bones(), fallbackJoint, ctx.budget().influences)
                : rigid(n, parentBone);
        ctx.budget().unweightedControlPoints += skin.unweighted();
        List<MorphReader.ControlPointMorph> morphs = MorphReader.read(scene, geometry, name, n, linear,
                ctx.budget().morphValues);

        // Polygon starts; the last corner of each polygon is stored as -(cp + 1).
        int[] starts = new int[16];
        int polygons = 0;
        int start = 0;
        for (int i = 0; i < pvi.length; i++) {
            int cp = pvi[i] < 0 ? ~pvi[i] : pvi[i];
            if (cp >= n) {
                throw new FbxSceneException("mesh " + name + " PolygonVertexIndex[" + i + "] = " + cp + " but the mesh has "
                        + n + " control points");
            }
            if (pvi[i] < 0) {
                if (polygons + 2 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[polygons++] = start;
                start = i + 1;
            }
        }
        if (start != pvi.length) {
            throw new FbxSceneException("mesh " + name + " PolygonVertexIndex ends inside a polygon (its last index is"
                    + " not negative); the geometry is truncated");
        }
        starts[polygons] = pvi.length;

        LayerElement normals = LayerElement.first(geometry.node(), name, "LayerElementNormal", "Normals",
                "NormalsIndex", 3).orElse(null);
        LayerElement uvs = LayerElement.first(geometry.node(), name, "LayerElementUV", "UV", "UVIndex", 2).orElse(null);
        LayerElement slots = LayerElement.first(geometry.node(), name, "LayerElementMaterial", "Materials", null, 1)
                .orElse(null);
        double[] smooth = smoothNormals(positions, pvi, starts, polygons, flip);
        List<FbxObjects.Obj> modelMaterials = scene.childrenOf(model.uid(), "Material");

        Map<Integer, Part> parts = new LinkedHashMap<>();
        int[] corner = new int[0];
        for (int p = 0; p < polygons; p++) {
            int s = starts[p];
            int k = starts[p + 1] - s;
            if (k < 3) {
                continue; // points and lines have no surface
            }
            int slot = 0;
            if (slots != null) {
                int vi = slots.valueIndex(p, s, 0);
                slot = vi < 0 ? -1 : (int) slots.value(vi, 0);
            }
            int material = slot >= 0 && slot < modelMaterials.size()
                    ? ctx.materials().index(scene, modelMaterials.get(slot)) : ctx.materials().defaultMaterial();
            Part part = parts.computeIfAbsent(material, m -> new Part());
            if (corner.length < k) {
                corner = new int[k];
            }
            for (int c = 0; c < k; c++) {
                int i = s + c;
                int cp = pvi[i] < 0 ? ~pvi[i] : pvi[i];
                double nx = Double.NaN, ny = Double.NaN, nz = Double.NaN;
                if (normals != null) {
                    int vi = normals.valueIndex(p, i, cp);
                    if (vi >= 0) {
                        double[] m = Mat4.apply3(normalMatrix, normals.value(vi, 0), normals.value(vi, 1),
                                normals.value(vi, 2));
                        double len = Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
                        if (len > 1e-12 && Double.isFinite(len)) {
                            nx = m[0] / len;
                            ny = m[1] / len;
                            nz = m[2] / len;
                        }
                    }
                }
                if (Double.isNaN(nx)) {
                    nx = smooth[3 * cp];
                    ny = smooth[3 * cp + 1];
                    nz = smooth[3 * cp + 2];
                }
                double u = 0, v = 0;
                if (uvs != null) {
                    int vi = uvs.valueIndex(p, i, cp);
                    if (vi >= 0 && Double.isFinite(uvs.value(vi, 0) + uvs.value(vi, 1))) {
                        u = uvs.value(vi, 0);
                        v = 1 - uvs.value(vi, 1);
                    }
                }
                corner[c] = part.vertex(new Key(cp, nx, ny, nz, u, v));
            }
            for (int c = 1; c + 1 < k; c++) {
                if (flip) {
                    part.triangle(corner[0], corner[c + 1], corner[c]);
                } else {
                    part.triangle(corner[0], corner[c], corner[c + 1]);
                }
            }
        }

        List<Mesh> out = new ArrayList<>();
        for (Map.Entry<Integer, Part> e : parts.entrySet()) {
            String base = parts.size() == 1 ? name : name + "_" + ctx.materials().list().get(e.getKey()).name();
            String meshName = base;
            for (int k = 2; !ctx.meshNames().add(meshName); k++) {
                meshName = base + "_" + k;
            }
            out.add(build(ctx, meshName, e.getValue(), e.getKey(), positions, skin, morphs, uvs != null));
        }
        return out;
    }

    private static Mesh build(Context ctx, String name, Part part, int material, double[] positions,
            SkinReader.Skin skin, List<MorphReader.ControlPointMorph> morphs, boolean hasUvs) throws FbxSceneException {
        int count = part.vertices.size();
        ctx.budget().vertices(name, count);
        float[] pos = new float[3 * count];
        float[] nor = new float[3 * count];
        float[] uv = hasUvs ? new float[2 * count] : null;
        int[] joints = new int[Mesh.INFLUENCES * count];
        float[] weights = new float[Mesh.INFLUENCES * count];
        for (int i = 0; i < count; i++) {
            Key k = part.vertices.get(i);
            for (int a = 0; a < 3; a++) {
                pos[3 * i + a] = (float) positions[3 * k.cp() + a];
            }
            nor[3 * i] = (float) k.nx();
            nor[3 * i + 1] = (float) k.ny();
            nor[3 * i + 2] = (float) k.nz();
            if (uv != null) {
                uv[2 * i] = (float) k.u();
                uv[2 * i + 1] = (float) k.v();
            }
            System.arraycopy(skin.joints(), Mesh.INFLUENCES * k.cp(), joints, Mesh.INFLUENCES * i, Mesh.INFLUENCES);
            System.arraycopy(skin.weights(), Mesh.INFLUENCES * k.cp(), weights, Mesh.INFLUENCES * i, Mesh.INFLUENCES);
        }
        List<MorphTarget> targets = new ArrayList<>();
        for (MorphReader.ControlPointMorph m : morphs) {
            float[] d = new float[3 * count];
            for (int i = 0; i < count; i++) {
                int cp = part.vertices.get(i).cp();
                for (int a = 0; a < 3; a++) {
                    d[3 * i + a] = (float) m.deltas()[3 * cp + a];
                }
            }
            targets.add(new MorphTarget(m.name(), d, null));
        }
        return new Mesh(name, pos, nor, uv, Arrays.copyOf(part.triangles, part.triangleValues), joints, weights,
                material, targets);
    }

    /** The joint of the nearest ancestor Model that is a bone, or null. */
    private static Integer parentBone(Context ctx, FbxObjects.Obj model) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (FbxObjects.Obj p = ctx.scene().parentModel(model); p != null && seen.add(p.uid());
                p = ctx.scene().parentModel(p)) {
            Integer j = ctx.bones().jointOfUid().get(p.uid());
            if (j != null) {
                return j;
            }
        }
        return null;
    }

    private static SkinReader.Skin rigid(int n, int joint) {
        int[] joints = new int[Mesh.INFLUENCES * n];
        float[] weights = new float[Mesh.INFLUENCES * n];
        for (int cp = 0; cp < n; cp++) {
            joints[Mesh.INFLUENCES * cp] = joint;
            weights[Mesh.INFLUENCES * cp] = 1;
        }
        return new SkinReader.Skin(joints, weights, 0);
    }

    /** Area-weighted smooth normals per control point in model space, in the output winding; (0, 1, 0) when degenerate. */
    private static double[] smoothNormals(double[] p, int[] pvi, int[] starts, int polygons, boolean flip) {
        double[] acc = new double[p.length];
        for (int poly = 0; poly < polygons; poly++) {
            int s = starts[poly];
            int k = starts[poly + 1] - s;
            int a = cp(pvi[s]);
            for (int c = 1; c + 1 < k; c++) {
                int b = cp(pvi[s + c]);
                int d = cp(pvi[s + c + 1]);
                double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
                double vx = p[3 * d] - p[3 * a], vy = p[3 * d + 1] - p[3 * a + 1], vz = p[3 * d + 2] - p[3 * a + 2];
                double sign = flip ? -1 : 1;
                double nx = sign * (uy * vz - uz * vy), ny = sign * (uz * vx - ux * vz), nz = sign * (ux * vy - uy * vx);
                for (int q : new int[] {a, b, d}) {
                    acc[3 * q] += nx;
                    acc[3 * q + 1] += ny;
                    acc[3 * q + 2] += nz;
                }
            }
        }
        for (int i = 0; i < acc.length; i += 3) {
            double len = Math.sqrt(acc[i] * acc[i] + acc[i + 1] * acc[i + 1] + acc[i + 2] * acc[i + 2]);
            if (len > 1e-20 && Double.isFinite(len)) {
                acc[i] /= len;
                acc[i + 1] /= len;
                acc[i + 2] /= len;
            } else {
                acc[i] = 0;
                acc[i + 1] = 1;
                acc[i + 2] = 0;
            }
        }
        return acc;
    }

    private static int cp(int index) {
        return index < 0 ? ~index : index;
    }

    private static int[] ints(FbxObjects.Obj geometry, String child, String name) throws FbxSceneException {
        return geometry.node().child(child)
                .filter(c -> !c.properties().isEmpty() && c.property(0) instanceof FbxProperty.Array a
                        && a.type() == FbxArrayType.INT32)
                .map(c -> ((FbxProperty.Array) c.property(0)).ints())
                .orElseThrow(() -> new FbxSceneException("mesh " + name + " has no " + child + " int array"));
    }

    private static double[] transpose3(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }
}
