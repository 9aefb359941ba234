package io.anim3d.capture.solve;

import io.anim3d.capture.filter.ZeroPhaseSmoother;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * The solve stage: a landmark track in, animation of the standard humanoid out. Steps:
 * resample to a constant frame rate; fit the bones; solve local rotations per frame; place the
 * hips from the camera (pinhole reprojection, depth smoothed); fit the floor and level it;
 * optional extra smoothing (poseFilteringStrength); grounding, contacts and foot locking
 * (footLockingMode); start the trajectory above the origin.
 */
public final class MotionSolver {
    /** Depth from image scale is noisy: smoothed over about this long (seconds). */
    private static final double DEPTH_SMOOTHING_SECONDS = 0.15;
    /** Net background shift over the clip (fraction of the frame) from which the camera counts as moving. */
    private static final double MOVING_CAMERA_SHIFT = 0.1;
    /** Share of the per-frame shifts that must add up in one direction (a drift, not a wobble). */
    private static final double MOVING_CAMERA_CONSISTENCY = 0.6;

    private MotionSolver() {
    }

    public static SolveResult solve(LandmarkTrack track, SolveOptions options) {
        BodyFrames frames = BodyFrames.of(track);
        Skeleton skeleton = BodyMeasure.fit(frames, options.rootAtOrigin());
        int n = frames.count;
        int hips = skeleton.require(Humanoid.HIPS);
        LegChain[] legs = {new LegChain(skeleton, 0), new LegChain(skeleton, 1)};

        RotationSolver rotations = new RotationSolver(skeleton);
        Quat[][] local = new Quat[n][];
        for (int f = 0; f < n; f++) {
            local[f] = rotations.solve(frames, f);
        }

        // Hips from the hip centre: the centre of the two hip joints lies below Hips.
        Vec3[] centre = RootSolver.solve(frames, options.focalLengthFactor());
        if (n > 1) {
            ZeroPhaseSmoother lateral = new ZeroPhaseSmoother(1.0);
            ZeroPhaseSmoother depth = new ZeroPhaseSmoother(DEPTH_SMOOTHING_SECONDS * frames.frameRate);
            Vec3[] xy = lateral.apply(centre);
            Vec3[] z = depth.apply(centre);
            for (int f = 0; f < n; f++) {
                centre[f] = new Vec3(xy[f].x(), xy[f].y(), z[f].z());
            }
        }
        Vec3 upLegMid = skeleton.offset(legs[0].upLeg).lerp(skeleton.offset(legs[1].upLeg), 0.5);
        Vec3[] hipsPos = new Vec3[n];
        for (int f = 0; f < n; f++) {
            hipsPos[f] = centre[f].minus(local[f][hips].rotate(upLegMid));
        }

        CameraPose levelled = level(local, hipsPos, hips, legs);

        double cutoff = options.filterCutoffHz();
        if (n > 2 && Double.isFinite(cutoff)) {
            ZeroPhaseSmoother smoother = new ZeroPhaseSmoother(ZeroPhaseSmoother.sigmaForCutoff(cutoff, frames.frameRate));
            for (int j = 0; j < skeleton.size(); j++) {
                Quat[] track1 = new Quat[n];
                for (int f = 0; f < n; f++) {
                    track1[f] = local[f][j];
                }
                track1 = smoother.apply(track1);
                for (int f = 0; f < n; f++) {
                    local[f][j] = track1[f];
                }
            }
            hipsPos = smoother.apply(hipsPos);
        }

        List<String> warnings = new ArrayList<>();
        String moving = movingCamera(track);
        if (moving != null) {
            warnings.add(moving);
        }
        boolean[][] contact = FeetSolver.apply(options.footLocking(), local, hipsPos, hips, legs, frames.frameRate);

        // Start above the origin.
        Vec3 start = new Vec3(hipsPos[0].x(), 0, hipsPos[0].z());
        Motion.Builder out = Motion.builder(skeleton, frames.frameRate, n).translatedJoint(hips);
        for (int f = 0; f < n; f++) {
            for (int j = 0; j < skeleton.size(); j++) {
                out.rotation(f, j, local[f][j]);
            }
            out.rootPosition(f, hipsPos[f].minus(start));
            out.contact(f, 0, contact[f][0]);
            out.contact(f, 1, contact[f][1]);
        }
        CameraPose camera = new CameraPose(levelled.levelling(), levelled.offset().plus(start));
        return new SolveResult(out.build(), camera, warnings);
    }

    /** Fits the floor to the lowest sole of each frame and turns and lifts everything so it is y = 0. */
    private static CameraPose level(Quat[][] local, Vec3[] hipsPos, int hips, LegChain[] legs) {
        int n = hipsPos.length;
        List<Vec3> lowest = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            Vec3 best = null;
            for (LegChain leg : legs) {
                Vec3[] p = leg.positions(local[f][hips], hipsPos[f], local[f]);
                Vec3 sole = new Vec3(p[2].x(), leg.soleHeight(p), p[2].z());
                if (best == null || sole.y() < best.y()) {
                    best = sole;
                }
            }
            lowest.add(best);
        }
        GroundPlane plane = GroundPlane.fit(lowest);
        Quat turn = plane.levelling();
        double height = plane.levelledHeight();
        for (int f = 0; f < n; f++) {
            local[f][hips] = turn.mul(local[f][hips]);
            hipsPos[f] = turn.rotate(hipsPos[f]).minus(new Vec3(0, height, 0));
        }
        return new CameraPose(turn, new Vec3(0, height, 0));
    }

    /**
     * A warning when the background drifts steadily one way over the clip (a pan or a dolly):
     * the net shift reaches {@value #MOVING_CAMERA_SHIFT} of the frame and most per-frame shifts
     * agree in direction, which hand-held wobble and a static camera do not do.
     */
    static String movingCamera(LandmarkTrack track) {
        double netX = 0, netY = 0, absX = 0, absY = 0;
        for (var f : track.frames()) {
            if (f.hasSceneMotion()) {
                netX += f.sceneDx();
                netY += f.sceneDy();
                absX += Math.abs(f.sceneDx());
                absY += Math.abs(f.sceneDy());
            }
        }
        boolean panX = Math.abs(netX) >= MOVING_CAMERA_SHIFT && Math.abs(netX) >= MOVING_CAMERA_CONSISTENCY * absX;
        boolean panY = Math.abs(netY) >= MOVING_CAMERA_SHIFT && Math.abs(netY) >= MOVING_CAMERA_CONSISTENCY * absY;
        if (!panX && !panY) {
            return null;
        }
        double shown = 100 * Math.max(panX ? Math.abs(netX) : 0, panY ? Math.abs(netY) : 0);
        return String.format(java.util.Locale.ROOT, "The camera moves: the background shifts steadily by %.0f %% of the frame"
                + " over the clip, as in a pan. The root trajectory assumes a static camera and is not reliable for this"
                + " clip (camera motion is not estimated yet); joint rotations are unaffected.", shown);
    }
}
