package io.anim3d.formats.fbx.scene;

/**
 * How {@link FbxSceneWriter} writes a scene.
 *
 * @param animationName name of the AnimationStack, its layer and its Take; Blender's importer
 *     names the action {@code <armature>|<animationName>}. 1–64 printable ASCII characters
 *     without {@code |} or control characters (the name also becomes {@code <name>.tak})
 * @param creator the {@code Creator} string written in the header (informational only)
 * @param blendShapes write each mesh's morph targets as a BlendShape deformer (true), or leave
 *     them out (false: smaller files for clients that only want the skeleton and skin)
 */
public record FbxSceneOptions(String animationName, String creator, boolean blendShapes) {
    public FbxSceneOptions {
        if (animationName == null || !animationName.matches("[\\x20-\\x7E&&[^|\\\\/:*?\"<>]]{1,64}")) {
            throw new IllegalArgumentException("animationName '" + animationName
                    + "' must be 1-64 printable ASCII characters without | \\ / : * ? \" < >");
        }
        if (creator == null || creator.isEmpty() || creator.length() > 200) {
            throw new IllegalArgumentException("creator must be 1-200 characters, got '" + creator + "'");
        }
    }

    /** Stack "mocap", creator "anim3d", blend shapes written. */
    public static FbxSceneOptions defaults() {
        return new FbxSceneOptions("mocap", "anim3d", true);
    }

    public FbxSceneOptions withAnimationName(String name) {
        return new FbxSceneOptions(name, creator, blendShapes);
    }

    public FbxSceneOptions withBlendShapes(boolean write) {
        return new FbxSceneOptions(animationName, creator, write);
    }
}
