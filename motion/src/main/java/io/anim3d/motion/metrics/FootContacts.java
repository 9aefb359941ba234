package io.anim3d.motion.metrics;

import io.anim3d.motion.Motion;

/**
 * Which foot joints touch the ground, per pair of adjacent frames (pair t joins frames t and
 * t + 1, so a clip of T frames has T − 1 pairs). Foot sliding and skating are movements between
 * two frames, hence contact is a property of the pair. Immutable.
 */
public final class FootContacts {
    /** [side][foot joint of that side][pair]. */
    private final boolean[][][] contact;

    private FootContacts(boolean[][][] contact) {
        this.contact = contact;
    }

    /**
     * The skating-ratio definition of {@code docs/METRICS.md}: a foot joint is in contact in pair
     * t when its height above the ground is below {@code heightMetres} in both frames t and t + 1.
     *
     * @param groundY      height of the ground plane, metres (Y up)
     * @param heightMetres contact threshold, metres (the definition uses 0.05)
     */
    public static FootContacts byHeight(PositionTrack track, Feet feet, double groundY, double heightMetres) {
        feet.checkWithin(track.jointCount());
        int pairs = Math.max(0, track.frameCount() - 1);
        boolean[][][] c = new boolean[2][][];
        for (int s = 0; s < 2; s++) {
            c[s] = new boolean[feet.count(s)][pairs];
            for (int i = 0; i < feet.count(s); i++) {
                int j = feet.joint(s, i);
                for (int t = 0; t < pairs; t++) {
                    c[s][i][t] = track.position(t, j).y() - groundY < heightMetres
                            && track.position(t + 1, j).y() - groundY < heightMetres;
                }
            }
        }
        return new FootContacts(c);
    }

    /**
     * The motion's own contact flags: every joint of foot {@code side} is in contact in pair t when
     * the motion flags that foot in both frames t and t + 1.
     */
    public static FootContacts fromMotion(Motion motion, Feet feet) {
        int pairs = Math.max(0, motion.frameCount() - 1);
        boolean[][][] c = new boolean[2][][];
        for (int s = 0; s < 2; s++) {
            c[s] = new boolean[feet.count(s)][pairs];
            for (int t = 0; t < pairs; t++) {
                boolean both = motion.contact(t, s) && motion.contact(t + 1, s);
                for (int i = 0; i < feet.count(s); i++) {
                    c[s][i][t] = both;
                }
            }
        }
        return new FootContacts(c);
    }

    /** Number of frame pairs covered (frames − 1). */
    public int pairCount() {
        return contact[0].length == 0 ? 0 : contact[0][0].length;
    }

    /** Whether the {@code footJoint}-th joint of foot {@code side} is in contact between frames {@code pair} and {@code pair + 1}. */
    public boolean inContact(int side, int footJoint, int pair) {
        return contact[side][footJoint][pair];
    }

    /** Throws unless these contacts were made for {@code feet} on a track of {@code frames} frames. */
    void checkMatches(Feet feet, int frames) {
        for (int s = 0; s < 2; s++) {
            if (contact[s].length != feet.count(s)) {
                throw new IllegalArgumentException("contacts cover " + contact[s].length + " joints of foot " + s
                        + " but the feet name " + feet.count(s));
            }
        }
        if (pairCount() != Math.max(0, frames - 1)) {
            throw new IllegalArgumentException("contacts cover " + pairCount() + " frame pairs, the track has "
                    + Math.max(0, frames - 1));
        }
    }
}
