package io.anim3d.formats.fbx.read;

import io.anim3d.motion.Mat4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Blend shapes of one geometry: {@code Deformer BlendShape} → {@code BlendShapeChannel} →
 * {@code Geometry Shape} ({@code Indexes}: control points; {@code Vertices}: their offsets).
 * A channel with in-between shapes keeps only its full-weight shape (the one with the largest
 * {@code FullWeights} value; the last one if none are given), because the model has no
 * in-betweens. Shape normals are not read: exporters disagree on whether they are offsets or
 * absolute normals, so morphs carry position offsets only.
 */
final class MorphReader {
    /** A morph by control point: offsets in model space (metres), control points × 3. */
    record ControlPointMorph(String name, double[] deltas) {
    }

    private MorphReader() {
    }

    /**
     * @param linear   row-major 3×3 from geometry space to model space (units and axes included)
     * @param maxMorphValues remaining budget of morph values (targets × control points × 3)
     */
    static List<ControlPointMorph> read(FbxObjects scene, FbxObjects.Obj geometry, String meshName, int controlPoints,
            double[] linear, long[] maxMorphValues) throws FbxSceneException {
        List<ControlPointMorph> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FbxObjects.Obj blendShape : scene.childrenOf(geometry.uid(), "Deformer")) {
            if (!blendShape.subtype().equals("BlendShape")) {
                continue;
            }
            for (FbxObjects.Obj channel : scene.childrenOf(blendShape.uid(), "Deformer")) {
                if (!channel.subtype().equals("BlendShapeChannel")) {
                    continue;
                }
                List<FbxObjects.Obj> shapes = scene.childrenOf(channel.uid(), "Geometry");
                if (shapes.isEmpty()) {
                    continue;
                }
                String what = "mesh " + meshName + " blend shape channel " + channel.name();
                double[] fullWeights = LayerElement.numbers(channel.node(), "FullWeights", what);
                FbxObjects.Obj shape = shapes.get(shapes.size() - 1);
                if (fullWeights != null && fullWeights.length == shapes.size()) {
                    int best = 0;
                    for (int i = 1; i < fullWeights.length; i++) {
                        if (fullWeights[i] >= fullWeights[best]) {
                            best = i;
                        }
                    }
                    shape = shapes.get(best);
                }
                maxMorphValues[0] -= 3L * controlPoints;
                if (maxMorphValues[0] < 0) {
                    throw new FbxSceneException("mesh " + meshName + " has more blend shape data than the reader"
                            + " allows (targets × vertices); remove unused shapes");
                }
                double[] idx = LayerElement.numbers(shape.node(), "Indexes", what);
                double[] v = LayerElement.numbers(shape.node(), "Vertices", what);
                if (idx == null || v == null || v.length != 3 * idx.length) {
                    throw new FbxSceneException(what + ": shape " + shape.name() + " needs Indexes and 3 Vertices"
                            + " values per index (found " + (idx == null ? 0 : idx.length) + " and "
                            + (v == null ? 0 : v.length) + ")");
                }
                double[] deltas = new double[3 * controlPoints];
                for (int i = 0; i < idx.length; i++) {
                    int cp = (int) idx[i];
                    if (cp < 0 || cp >= controlPoints || cp != idx[i]) {
                        throw new FbxSceneException(what + ": shape " + shape.name() + " moves control point " + idx[i]
                                + "; the mesh has " + controlPoints);
                    }
                    double[] d = Mat4.apply3(linear, v[3 * i], v[3 * i + 1], v[3 * i + 2]);
                    if (!Double.isFinite(d[0] + d[1] + d[2])) {
                        throw new FbxSceneException(what + ": shape " + shape.name() + " has a non-finite offset");
                    }
                    deltas[3 * cp] = d[0];
                    deltas[3 * cp + 1] = d[1];
                    deltas[3 * cp + 2] = d[2];
                }
                String base = !channel.name().isBlank() ? channel.name()
                        : !shape.name().isBlank() ? shape.name() : "shape" + out.size();
                String name = base;
                for (int k = 2; !names.add(name); k++) {
                    name = base + "_" + k;
                }
                out.add(new ControlPointMorph(name, deltas));
            }
        }
        return out;
    }
}
