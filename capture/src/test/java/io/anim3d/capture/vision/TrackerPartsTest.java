package io.anim3d.capture.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Roi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's geometry pieces against values worked out by hand from MediaPipe's formulas. */
class TrackerPartsTest {
    @Test
    void anchorsCoverThreeFeatureMaps() {
        float[] a = SsdAnchors.poseDetectorCentres();
        assertEquals(2 * 2254, a.length, "anchor count");
        // First anchor: centre of the top-left cell of the 28×28 map, twice.
        assertEquals(0.5f / 28, a[0], 1e-7);
        assertEquals(0.5f / 28, a[2], 1e-7);
        // First anchor of the 14×14 map comes after 28·28·2 anchors.
        assertEquals(0.5f / 14, a[2 * 1568], 1e-7);
        // Last anchor: bottom-right cell of the 7×7 map (6 anchors per cell there).
        assertEquals(6.5f / 7, a[a.length - 2], 1e-6);
        assertEquals(6.5f / 7, a[a.length - 1], 1e-6);
    }

    @Test
    void rectFromAlignmentPointsPointsHipToHeadUp() {
        // Hip centre at (0.5, 0.6), size point straight above it: an upright person, rotation 0.
        Roi upright = RotatedRect.fromAlignmentPoints(0.5f, 0.6f, 0.5f, 0.4f, 1000, 1000);
        assertEquals(0, upright.rotation(), 1e-6);
        assertEquals(0.4f, upright.width(), 1e-6, "side = 2 × distance");
        // Size point to the right of the hips: the body lies along +x, turned 90° clockwise.
        Roi lying = RotatedRect.fromAlignmentPoints(0.5f, 0.5f, 0.7f, 0.5f, 1000, 1000);
        assertEquals(Math.PI / 2, lying.rotation(), 1e-6);
        // Non-square image: the rect is square in pixels.
        Roi wide = RotatedRect.squareLongScaled(RotatedRect.fromAlignmentPoints(0.5f, 0.6f, 0.5f, 0.4f, 1920, 1080),
                1920, 1080, RotatedRect.ROI_SCALE);
        assertEquals(wide.width() * 1920, wide.height() * 1080, 1e-3, "square in pixels");
        assertEquals(0.2 * 1080 * 2 * 1.25, wide.height() * 1080, 1e-2, "1.25 × twice the distance");
    }

    @Test
    void normalizeRadiansWrapsIntoHalfOpenRange() {
        assertEquals(-Math.PI, RotatedRect.normalizeRadians(Math.PI), 1e-12);
        assertEquals(0.5, RotatedRect.normalizeRadians(0.5 + 4 * Math.PI), 1e-12);
        assertEquals(-0.5, RotatedRect.normalizeRadians(-0.5 - 2 * Math.PI), 1e-12);
    }

    @Test
    void weightedNmsAveragesAClusterAndKeepsTheBestScore() {
        Detection a = new Detection(0.9f, 0.10f, 0.10f, 0.20f, 0.20f, new float[] {0.2f, 0.2f, 0, 0, 0, 0, 0, 0});
        Detection b = new Detection(0.6f, 0.12f, 0.12f, 0.20f, 0.20f, new float[] {0.3f, 0.3f, 0, 0, 0, 0, 0, 0});
        Detection far = new Detection(0.7f, 0.60f, 0.60f, 0.20f, 0.20f, new float[] {0.7f, 0.7f, 0, 0, 0, 0, 0, 0});
        List<Detection> out = PoseDetector.weightedNms(List.of(b, far, a));
        assertEquals(2, out.size(), "two clusters");
        Detection best = out.get(0);
        assertEquals(0.9f, best.score(), 1e-7, "the cluster keeps its best score");
        assertEquals((0.9 * 0.10 + 0.6 * 0.12) / 1.5, best.xmin(), 1e-6, "score-weighted xmin");
        assertEquals((0.9 * 0.2 + 0.6 * 0.3) / 1.5, best.keypointX(0), 1e-6, "score-weighted keypoint");
        assertEquals(0.7f, out.get(1).score(), 1e-7);
        assertTrue(PoseDetector.iou(a, far) == 0, "disjoint boxes do not overlap");
    }
}
