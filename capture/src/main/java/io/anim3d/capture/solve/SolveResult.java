package io.anim3d.capture.solve;

import io.anim3d.motion.Motion;
import java.util.List;

/**
 * The solved animation and what a user should know about it.
 *
 * @param camera   where the camera was in the motion's world
 * @param warnings plain sentences for the job's warnings (e.g. a moving camera)
 */
public record SolveResult(Motion motion, CameraPose camera, List<String> warnings) {
    public SolveResult {
        warnings = List.copyOf(warnings);
    }
}
