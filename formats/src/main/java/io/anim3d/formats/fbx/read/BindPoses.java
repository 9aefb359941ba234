package io.anim3d.formats.fbx.read;

import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import io.anim3d.motion.Mat4;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * World bind matrices (file units and axes) of Models, from the best source the file has:
 * <ol>
 *   <li>a skin Cluster's {@code TransformLink} (the bone's world matrix when the skin was bound,
 *       which is what the skinning itself uses);</li>
 *   <li>a {@code BindPose} {@code PoseNode} matrix;</li>
 *   <li>the parent's bind matrix times the Model's local matrix from its Lcl properties
 *       ({@link NodeTransform}; the scene's current pose, right when the file was saved in the
 *       bind pose, as skeleton-only files are).</li>
 * </ol>
 * Results are memoised; a parent cycle (malformed file) is reported, not followed forever.
 */
final class BindPoses {
    private final FbxObjects scene;
    private final Map<Long, double[]> clusterLinks = new HashMap<>();
    private final Map<Long, double[]> poseNodes = new HashMap<>();
    private final Map<Long, double[]> memo = new HashMap<>();
    private final Map<Long, Boolean> visiting = new HashMap<>();

    BindPoses(FbxObjects scene) {
        this.scene = scene;
        for (FbxObjects.Obj o : scene.all()) {
            if (o.type().equals("Deformer") && o.subtype().equals("Cluster")) {
                double[] link = matrix(o.node(), "TransformLink").orElse(null);
                if (link != null) {
                    for (FbxObjects.Obj bone : scene.childrenOf(o.uid(), "Model")) {
                        clusterLinks.putIfAbsent(bone.uid(), link);
                    }
                }
            } else if (o.type().equals("Pose") && o.subtype().equals("BindPose")) {
                for (FbxNode pn : o.node().children("PoseNode")) {
                    Optional<FbxNode> node = pn.child("Node");
                    Optional<double[]> m = matrix(pn, "Matrix");
                    if (node.isPresent() && !node.get().properties().isEmpty()
                            && node.get().property(0) instanceof FbxProperty.Int64 uid && m.isPresent()) {
                        poseNodes.putIfAbsent(uid.value(), m.get());
                    }
                }
            }
        }
    }

    /** A 16-double matrix child ({@code Transform}, {@code TransformLink}, {@code Matrix}), if present and finite. */
    static Optional<double[]> matrix(FbxNode owner, String child) {
        return owner.child(child).flatMap(c -> {
            if (c.properties().isEmpty() || !(c.property(0) instanceof FbxProperty.Array a)
                    || a.type() != io.anim3d.formats.fbx.FbxArrayType.FLOAT64 || a.length() != 16) {
                return Optional.empty();
            }
            double[] m = a.doubles();
            return Mat4.isFinite(m) ? Optional.of(m) : Optional.empty();
        });
    }

    /** The world bind matrix of a Model. */
    double[] world(FbxObjects.Obj model) throws FbxSceneException {
        double[] m = memo.get(model.uid());
        if (m != null) {
            return m;
        }
        m = clusterLinks.get(model.uid());
        if (m == null) {
            m = poseNodes.get(model.uid());
        }
        if (m == null) {
            if (visiting.put(model.uid(), true) != null) {
                throw new FbxSceneException("Model " + model.name() + " is its own ancestor in the Connections; the"
                        + " scene hierarchy is broken");
            }
            FbxObjects.Obj parent = scene.parentModel(model);
            double[] parentWorld = parent == null ? Mat4.identity() : world(parent);
            Properties70 props = scene.properties(model);
            double[] parentScale = parent != null && props.integer("InheritType", 1) == NodeTransform.INHERIT_RRS
                    ? NodeTransform.lclScaling(scene.properties(parent)) : null;
            m = Mat4.mul(parentWorld, NodeTransform.local(props, parentScale));
            visiting.remove(model.uid());
        }
        memo.put(model.uid(), m);
        return m;
    }
}
