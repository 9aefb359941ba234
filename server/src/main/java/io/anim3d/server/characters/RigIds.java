package io.anim3d.server.characters;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code rigId} of a character: which bone-naming convention its skeleton follows, so that
 * retargeting can map our joints onto it by name. {@code mixamo} covers Mixamo's names with or
 * without a namespace ({@code mixamorig:Hips}, {@code mixamorig1:Hips}, Ready Player Me's bare
 * {@code Hips}) and HumanIK's {@code Character1_Hips}, which use the same bone names;
 * {@code vrm} is a VRM file, whose humanoid bones are mapped in the file itself; anything else is
 * {@code custom}.
 */
public final class RigIds {
    public static final String MIXAMO = "mixamo";
    public static final String VRM = "vrm";
    public static final String CUSTOM = "custom";

    /**
     * Bones a Mixamo-named body always has; fingers, toes and the number of spine bones vary
     * between exporters and are not required.
     */
    static final List<String> MIXAMO_CORE = List.of("Hips", "Spine", "Neck", "Head",
            "LeftArm", "LeftForeArm", "LeftHand", "RightArm", "RightForeArm", "RightHand",
            "LeftUpLeg", "LeftLeg", "LeftFoot", "RightUpLeg", "RightLeg", "RightFoot");

    private RigIds() {
    }

    /**
     * {@code mixamo} when, for some joint named {@code <prefix>Hips}, every core bone exists as
     * {@code <prefix><Bone>} (one prefix for all, e.g. {@code mixamorig:} or empty), else
     * {@code custom}.
     */
    static String ofJointNames(List<String> names) {
        Set<String> all = new HashSet<>(names);
        for (String name : names) {
            if (!name.endsWith("Hips")) {
                continue;
            }
            String prefix = name.substring(0, name.length() - "Hips".length());
            if (MIXAMO_CORE.stream().allMatch(bone -> all.contains(prefix + bone))) {
                return MIXAMO;
            }
        }
        return CUSTOM;
    }
}
