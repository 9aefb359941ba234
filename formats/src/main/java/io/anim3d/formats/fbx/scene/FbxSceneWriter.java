package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxWriter;
import io.anim3d.formats.io.AtomicFile;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a skinned character and, optionally, its animation as binary FBX 7.4 in the layout of
 * Blender's exporter: centimetres ({@code UnitScaleFactor} 1), Y up, +Z front; an armature
 * {@code Null} named after the character with every joint as a {@code LimbNode} (end joints
 * included; rest pose = T-pose with zero rotations); each mesh a {@code Mesh} Model with its
 * geometry, material, skin clusters and blend shapes; one bind pose; and an animation stack with
 * Euler-XYZ rotation curves (degrees) on every rotated joint and a translation curve on the
 * motion's translated joint.
 *
 * <p>Output is deterministic: ids come from a counter in planning order, FileId and
 * CreationTime are Blender's fixed values, and nothing depends on the clock or hash order, so
 * the same input gives byte-identical files.
 */
public final class FbxSceneWriter {
    private FbxSceneWriter() {
    }

    /**
     * The top-level nodes of the file, for {@link FbxWriter}.
     *
     * @param motion animation on the character's skeleton (same joint names in the same order;
     *     its rest offsets are ignored, the character's are written), or null for the rest pose
     * @throws IllegalArgumentException if the motion's skeleton is not the character's
     */
    public static List<FbxNode> scene(Character character, Motion motion, FbxSceneOptions options) {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(options, "options");
        Skeleton skeleton = character.skeleton();
        if (motion != null) {
            checkSameJoints(skeleton, motion.skeleton());
        }
        ScenePlan plan = new ScenePlan();
        long document = plan.newId();
        SkeletonObjects bones = SkeletonObjects.plan(plan, character.name(), skeleton,
                motion == null ? -1 : motion.translatedJoint());
        long[] materials = new long[character.materials().size()];
        for (int i = 0; i < materials.length; i++) {
            materials[i] = MaterialObjects.plan(plan, character.materials().get(i));
        }
        List<Long> meshModels = new ArrayList<>();
        for (Mesh mesh : character.meshes()) {
            MeshObjects m = MeshObjects.plan(plan, mesh, materials[mesh.material()], options.blendShapes());
            SkinObjects.planSkin(plan, mesh, m.geometryId, bones);
            meshModels.add(m.modelId);
        }
        SkinObjects.planBindPose(plan, character.name(), meshModels, bones);
        if (motion != null) {
            AnimationObjects.plan(plan, motion, bones, options.animationName());
        }

        double frameRate = motion == null ? 30.0 : motion.frameRate();
        long stop = motion == null ? 0 : AnimationObjects.stopKtime(motion);
        List<FbxNode> top = new ArrayList<>(SceneHeader.nodes(options.creator(), frameRate, stop, document,
                motion == null ? "" : options.animationName()));
        top.add(Definitions.node(plan));
        top.add(plan.objectsNode());
        top.add(plan.connectionsNode());
        top.add(AnimationObjects.takes(motion, options.animationName()));
        return List.copyOf(top);
    }

    /** The whole file in memory. */
    public static byte[] toBytes(Character character, Motion motion, FbxSceneOptions options) {
        return FbxWriter.standard().write(scene(character, motion, options));
    }

    /** Writes the file atomically with {@link FbxSceneOptions#defaults()}. */
    public static void write(Character character, Motion motion, Path file) throws IOException {
        write(character, motion, FbxSceneOptions.defaults(), file);
    }

    /** Writes the file atomically: a failure never leaves a partial file behind. */
    public static void write(Character character, Motion motion, FbxSceneOptions options, Path file) throws IOException {
        List<FbxNode> nodes = scene(character, motion, options);
        AtomicFile.write(file, out -> FbxWriter.standard().write(nodes, out));
    }

    private static void checkSameJoints(Skeleton character, Skeleton motion) {
        if (character.size() != motion.size()) {
            throw new IllegalArgumentException("the motion has " + motion.size() + " joints but the character's skeleton "
                    + character.size() + "; retarget the motion to the character first");
        }
        for (int j = 0; j < character.size(); j++) {
            if (!character.name(j).equals(motion.name(j)) || character.parent(j) != motion.parent(j)) {
                throw new IllegalArgumentException("joint " + j + " is " + motion.name(j) + " (parent " + motion.parent(j)
                        + ") in the motion but " + character.name(j) + " (parent " + character.parent(j)
                        + ") in the character; retarget the motion to the character first");
            }
        }
    }
}
