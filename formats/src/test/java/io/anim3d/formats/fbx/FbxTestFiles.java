package io.anim3d.formats.fbx;

import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The third-party binary FBX files in ../shared/testdata and helpers to walk their trees. */
final class FbxTestFiles {
    static final String HUMAN_IK = "characters/fbx/maya_human_ik_7400_binary.fbx";
    static final String HUMAN_IK_ASCII = "characters/fbx/maya_human_ik_7400_ascii.fbx";
    static final String KENNEY = "characters/fbx/maya_kenney_character_7700_binary.fbx";
    static final String ANIMATION_WITH_SKELETON = "characters/fbx/non_humanoid/animation_with_skeleton.fbx";
    static final String HUESITOS = "characters/fbx/non_humanoid/huesitos.fbx";
    static final String MULTIPLE_ANIMATIONS = "characters/fbx/non_humanoid/multiple_animations_test.fbx";

    /** Every binary FBX test file. */
    static final List<String> BINARY = List.of(HUMAN_IK, KENNEY, ANIMATION_WITH_SKELETON, HUESITOS,
            MULTIPLE_ANIMATIONS);

    /** Files exported by Blender (2.79, FBX 7.4): our writer with Blender's rules must reproduce their bytes. */
    static final List<String> BLENDER_EXPORTS = List.of(ANIMATION_WITH_SKELETON, HUESITOS);

    private FbxTestFiles() {
    }

    static Path path(String relative) {
        return SharedTestData.testdata(relative);
    }

    /** Every node of the trees, depth first. */
    static List<FbxNode> allNodes(List<FbxNode> roots) {
        List<FbxNode> out = new ArrayList<>();
        for (FbxNode n : roots) {
            collect(n, out);
        }
        return out;
    }

    private static void collect(FbxNode n, List<FbxNode> out) {
        out.add(n);
        for (FbxNode c : n.children()) {
            collect(c, out);
        }
    }

    /** The text of string property {@code index} of {@code node}. */
    static String text(FbxNode node, int index) {
        return ((FbxProperty.Str) node.property(index)).text();
    }

    /** The first tree difference as a readable path, or null when the trees are equal. */
    static String firstDifference(List<FbxNode> expected, List<FbxNode> actual, String path) {
        if (expected.size() != actual.size()) {
            return path + ": " + expected.size() + " nodes expected, " + actual.size() + " found";
        }
        for (int i = 0; i < expected.size(); i++) {
            FbxNode e = expected.get(i);
            FbxNode a = actual.get(i);
            String here = path + "/" + e.name() + "[" + i + "]";
            if (!e.name().equals(a.name())) {
                return here + ": name " + a.name();
            }
            if (!e.properties().equals(a.properties())) {
                for (int p = 0; p < Math.min(e.properties().size(), a.properties().size()); p++) {
                    if (!e.properties().get(p).equals(a.properties().get(p))) {
                        return here + " property #" + p + ": expected " + FbxDump.describe(e.properties().get(p))
                                + ", found " + FbxDump.describe(a.properties().get(p));
                    }
                }
                return here + ": " + e.properties().size() + " properties expected, " + a.properties().size();
            }
            String d = firstDifference(e.children(), a.children(), here);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
