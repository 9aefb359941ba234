package io.anim3d.server.params;

import java.util.Locale;

/** How the solver treats feet that touch the ground ({@code footLockingMode}, spec v1.4.0). */
public enum FootLockingMode {
    /** Switches between locking and gliding automatically; the default, right for most videos. */
    AUTO,
    /** Locks the feet all the time: for gliding that AUTO leaves in. */
    ALWAYS,
    /** No foot locking and no grounding: motion in the air or in water. */
    NEVER,
    /** No foot locking, but the character stays on the ground: shuffling dances, sprints, jumps. */
    GROUNDING;

    /** The value as written in params ({@code auto}, {@code always}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
