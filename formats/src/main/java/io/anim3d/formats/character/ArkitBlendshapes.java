package io.anim3d.formats.character;

import java.util.List;

/**
 * The 52 face blendshape names of Apple ARKit ({@code ARFaceAnchor.BlendShapeLocation}), spelled
 * as in ARKit-compatible avatars (Ready Player Me, VRM perfect-sync). "Left" and "Right" are the
 * face's own sides: the character's left is +X.
 */
public final class ArkitBlendshapes {
    /** In ARKit's documentation order: eyes, jaw, mouth, brows, cheeks, nose, tongue. */
    public static final List<String> NAMES = List.of(
            "eyeBlinkLeft", "eyeLookDownLeft", "eyeLookInLeft", "eyeLookOutLeft", "eyeLookUpLeft", "eyeSquintLeft",
            "eyeWideLeft", "eyeBlinkRight", "eyeLookDownRight", "eyeLookInRight", "eyeLookOutRight", "eyeLookUpRight",
            "eyeSquintRight", "eyeWideRight", "jawForward", "jawLeft", "jawRight", "jawOpen", "mouthClose",
            "mouthFunnel", "mouthPucker", "mouthLeft", "mouthRight", "mouthSmileLeft", "mouthSmileRight",
            "mouthFrownLeft", "mouthFrownRight", "mouthDimpleLeft", "mouthDimpleRight", "mouthStretchLeft",
            "mouthStretchRight", "mouthRollLower", "mouthRollUpper", "mouthShrugLower", "mouthShrugUpper",
            "mouthPressLeft", "mouthPressRight", "mouthLowerDownLeft", "mouthLowerDownRight", "mouthUpperUpLeft",
            "mouthUpperUpRight", "browDownLeft", "browDownRight", "browInnerUp", "browOuterUpLeft", "browOuterUpRight",
            "cheekPuff", "cheekSquintLeft", "cheekSquintRight", "noseSneerLeft", "noseSneerRight", "tongueOut");

    private ArkitBlendshapes() {
    }
}
