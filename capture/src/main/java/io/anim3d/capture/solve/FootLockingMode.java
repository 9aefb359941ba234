package io.anim3d.capture.solve;

/** What the solver does with the feet (the API's footLockingMode). */
public enum FootLockingMode {
    /** Feet in contact are locked with leg IK; feet that really move glide. The character stays on the ground. */
    AUTO,
    /** Feet near the ground are locked even while they move (removes all gliding, may over-lock). */
    ALWAYS,
    /** No locking and no grounding: for motion in the air or in water. */
    NEVER,
    /** No locking; the lowest foot is kept on the ground (shuffling dances, sprints). */
    GROUNDING
}
