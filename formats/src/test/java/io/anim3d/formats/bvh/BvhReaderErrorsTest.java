package io.anim3d.formats.bvh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged and unusual BVH text: clear errors with line numbers, and the tolerated variants. */
class BvhReaderErrorsTest {
    private static final String HEAD = String.join("\n",
            "HIERARCHY",                                                       // 1
            "ROOT Hips",                                                       // 2
            "{",                                                               // 3
            "  OFFSET 0 90 0",                                                 // 4
            "  CHANNELS 6 Xposition Yposition Zposition Yrotation Xrotation Zrotation", // 5
            "  JOINT Chest",                                                   // 6
            "  {",                                                             // 7
            "    OFFSET 0 20 0",                                               // 8
            "    CHANNELS 3 Xrotation Zrotation Yrotation",                    // 9
            "    End Site",                                                    // 10
            "    {",                                                           // 11
            "      OFFSET 0 30 0",                                             // 12
            "    }",                                                           // 13
            "  }",                                                             // 14
            "}",                                                               // 15
            "MOTION",                                                          // 16
            "Frames: 2",                                                       // 17
            "Frame Time: 0.04",                                                // 18
            "");

    private static BvhFormatException fails(String text) {
        return assertThrows(BvhFormatException.class, () -> BvhReader.read(new StringReader(text)));
    }

    @Test
    void validSmallFileReadsWithAnyChannelOrder() throws IOException {
        BvhFile f = BvhReader.read(new StringReader(HEAD + "1 2 3 10 20 30 40 50 60\n4 5 6 0 0 0 0 0 0\n"));
        assertEquals(3, f.joints().size());
        assertEquals("Chest_End", f.joints().get(2).name(), "End Site name");
        assertEquals(9, f.channelCount());
        assertEquals(0.04, f.frameTimeSeconds());
        Motion m = f.toMotion(0.01);
        assertEquals(25, m.frameRate(), 1e-12);
        assertEquals(new Vec3(0.01, 0.02, 0.03), m.rootPosition(0), "root position replaces the OFFSET");
        Quat hips = Quat.axisAngle(Vec3.Y, Math.toRadians(10)).mul(Quat.axisAngle(Vec3.X, Math.toRadians(20)))
                .mul(Quat.axisAngle(Vec3.Z, Math.toRadians(30)));
        assertTrue(ZxyEulerTest.matrixDistance(m.rotation(0, 0), hips) < 1e-12, "Yrotation Xrotation Zrotation means R = Ry·Rx·Rz");
        Vec3 end = m.worldPositions(1)[2];
        assertTrue(end.distance(new Vec3(0.04, 0.05 + 0.5, 0.06)) < 1e-12, "End Site at frame 1: " + end);
    }

    @Test
    void namedEndSitesBracesOnTheNameLineAndBlankLinesAreRead() throws IOException {
        String text = HEAD.replace("  JOINT Chest\n  {", "  JOINT Chest {").replace("    End Site\n    {", "    End Site Tip {")
                + "\n1 2 3 10 20 30 40 50 60\n\n4 5 6 0 0 0 0 0 0\n\n";
        BvhFile f = BvhReader.read(new StringReader(text));
        assertEquals(List.of("Hips", "Chest", "Tip"), f.joints().stream().map(BvhJoint::name).toList());
        assertEquals(2, f.frameCount());
    }

    @Test
    void truncatedFileNamesTheLastLineAndTheMissingFrames() {
        BvhFormatException e = fails(HEAD + "1 2 3 10 20 30 40 50 60\n");
        assertEquals(19, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("1 of 2 frames"), e.getMessage());
        BvhFormatException cut = fails(HEAD.substring(0, HEAD.indexOf("    End Site")));
        assertTrue(cut.getMessage().contains("end of the file"), cut.getMessage());
        assertEquals(9, cut.line(), cut.getMessage());
    }

    @Test
    void frameLineWithTooFewNumbersNamesItsLine() {
        BvhFormatException e = fails(HEAD + "1 2 3 10 20 30 40 50 60\n4 5 6 0 0 0 0 0\n");
        assertEquals(20, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("frame 1 has 8 values, expected 9"), e.getMessage());
    }

    @Test
    void unknownChannelNameNamesItsLine() {
        BvhFormatException e = fails(HEAD.replace("Xrotation Zrotation Yrotation", "Xrotation Wrotation Yrotation")
                + "1 2 3 10 20 30 40 50 60\n4 5 6 0 0 0 0 0 0\n");
        assertEquals(9, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown channel 'Wrotation'"), e.getMessage());
    }

    @Test
    void otherDamageIsReportedWithItsLine() {
        assertEquals(1, fails("HIERARCHIE\n").line());
        assertEquals(4, fails(HEAD.replace("OFFSET 0 90 0", "OFFSET 0 nan 0")).line());
        assertEquals(19, fails(HEAD + "1 2 3 10 20 30 40 50 x\n").line());
        assertEquals(21, fails(HEAD + "1 2 3 10 20 30 40 50 60\n4 5 6 0 0 0 0 0 0\n7 8 9 0 0 0 0 0 0\n").line());
        assertEquals(18, fails(HEAD.replace("0.04", "0")).line());
        assertEquals(9, fails(HEAD.replace("CHANNELS 3 Xrotation", "CHANNELS 4 Xrotation")).line());
        assertEquals(6, fails(HEAD.replace("JOINT Chest", "JOINT Hips")).line());
    }
}
