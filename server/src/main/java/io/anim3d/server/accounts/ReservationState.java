package io.anim3d.server.accounts;

/** Life of a credit reservation: RESERVED, then exactly one of CHARGED or RELEASED (final). */
public enum ReservationState {
    /** Credits held for a running or queued job; not available to other jobs. */
    RESERVED,
    /** The job ended and its final cost (at most the reserved amount) was taken; the rest returned. */
    CHARGED,
    /** The job ended without cost (failed, cancelled); everything returned. */
    RELEASED
}
