package io.anim3d.server.eval;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.solve.FootLockingMode;
import io.anim3d.capture.solve.MotionSolver;
import io.anim3d.capture.solve.SolveOptions;
import io.anim3d.capture.solve.SolveResult;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.capture.vision.BodyTracker;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.capture.vision.PoseTracker;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Vec3;
import io.anim3d.motion.metrics.Feet;
import io.anim3d.motion.metrics.FootContacts;
import io.anim3d.motion.metrics.MotionQuality;
import io.anim3d.motion.metrics.PoseMetrics;
import io.anim3d.motion.metrics.PositionTrack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbers of METRICS.md for our pipeline: 3D accuracy of the solved skeleton on the
 * ground-truth stills (with MediaPipe's own world landmarks beside it as a baseline), and
 * animation quality on real videos. The {@code eval} command prints these.
 */
public final class Evaluation {
    /** Our skeleton's limb joints and the BlazePose landmarks at the same places. */
    private static final Map<String, PoseLandmark> LANDMARK_OF = Map.ofEntries(
            Map.entry("LeftUpLeg", PoseLandmark.LEFT_HIP), Map.entry("RightUpLeg", PoseLandmark.RIGHT_HIP),
            Map.entry("LeftLeg", PoseLandmark.LEFT_KNEE), Map.entry("RightLeg", PoseLandmark.RIGHT_KNEE),
            Map.entry("LeftFoot", PoseLandmark.LEFT_ANKLE), Map.entry("RightFoot", PoseLandmark.RIGHT_ANKLE),
            Map.entry("LeftArm", PoseLandmark.LEFT_SHOULDER), Map.entry("RightArm", PoseLandmark.RIGHT_SHOULDER),
            Map.entry("LeftForeArm", PoseLandmark.LEFT_ELBOW), Map.entry("RightForeArm", PoseLandmark.RIGHT_ELBOW),
            Map.entry("LeftHand", PoseLandmark.LEFT_WRIST), Map.entry("RightHand", PoseLandmark.RIGHT_WRIST));

    private Evaluation() {
    }

    /**
     * One still: errors in millimetres over the 12 limb joints, pelvis = mean of the hips.
     *
     * @param solvedMpjpe     our skeleton, in camera coordinates
     * @param landmarksMpjpe  MediaPipe's world landmarks, the baseline
     */
    public record StillResult(String dataset, String image, double solvedMpjpe, double solvedPaMpjpe,
                              double landmarksMpjpe, double landmarksPaMpjpe, String failure) {
    }

    /** Runs every sample of {@code set}; a sample without a detected person is reported, not fatal. */
    public static List<StillResult> stills(PoseModels models, GroundTruthSet set, String dataset) {
        List<StillResult> out = new ArrayList<>();
        DatasetJoints joints = set.joints();
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < joints.size(); j++) {
            if (joints.standardCounterpart(j) != null) {
                used.add(j);
            }
        }
        int[] pelvis = {used.indexOf(joints.hipJoints()[0]), used.indexOf(joints.hipJoints()[1])};
        for (GroundTruthSample sample : set.samples()) {
            LandmarkTrack track;
            try {
                track = BodyTracker.track(models, sample.image(), VideoOptions.DEFAULT, PoseTracker.Options.STILL, null).track();
            } catch (CaptureException e) {
                out.add(new StillResult(dataset, sample.imageName(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.getMessage()));
                continue;
            }
            SolveResult solved = MotionSolver.solve(track, SolveOptions.DEFAULT);
            Motion m = solved.motion();
            Vec3[] world = m.worldPositions(0);
            PoseObservation pose = track.frames().get(0).pose();
            Vec3[][] gt = new Vec3[1][used.size()];
            Vec3[][] ours = new Vec3[1][used.size()];
            Vec3[][] raw = new Vec3[1][used.size()];
            for (int i = 0; i < used.size(); i++) {
                int j = used.get(i);
                String name = joints.standardCounterpart(j);
                gt[0][i] = sample.positions()[j];
                ours[0][i] = solved.camera().toCamera(world[m.skeleton().require(name)]);
                int l = LANDMARK_OF.get(name).ordinal();
                raw[0][i] = new Vec3(pose.worldX(l), pose.worldY(l), pose.worldZ(l));
            }
            out.add(new StillResult(dataset, sample.imageName(), PoseMetrics.mpjpe(gt, ours, pelvis),
                    PoseMetrics.paMpjpe(gt, ours, pelvis), PoseMetrics.mpjpe(gt, raw, pelvis), PoseMetrics.paMpjpe(gt, raw, pelvis),
                    null));
        }
        return out;
    }

    /** Animation quality of one solve of a video (METRICS.md, no ground truth). */
    public record QualityResult(String video, double filtering, int frames, double jitter, double footSlidingMm,
                                double skatingPercent, double penetrationMm, int flips) {
    }

    public static QualityResult quality(String name, LandmarkTrack track, double filtering) {
        Motion m = MotionSolver.solve(track, SolveOptions.DEFAULT.withFootLocking(FootLockingMode.AUTO)
                .withPoseFilteringStrength(filtering)).motion();
        PositionTrack positions = PositionTrack.of(m);
        Feet feet = Feet.standard(m.skeleton());
        MotionQuality q = new MotionQuality();
        return new QualityResult(name, filtering, m.frameCount(), q.jitter(positions),
                q.footSliding(positions, feet, FootContacts.fromMotion(m, feet)), q.skatingRatio(positions, feet),
                q.groundPenetration(positions, feet), q.flips(m));
    }

    /** Tracks a video once for {@link #quality}. */
    public static LandmarkTrack track(PoseModels models, Path video) {
        return BodyTracker.track(models, video, VideoOptions.DEFAULT, PoseTracker.Options.VIDEO, null).track();
    }
}
