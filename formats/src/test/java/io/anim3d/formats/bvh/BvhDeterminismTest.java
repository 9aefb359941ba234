package io.anim3d.formats.bvh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BvhDeterminismTest {
    @Test
    void sameMotionGivesIdenticalBytesInMemoryAndOnDisk(@TempDir Path dir) throws Exception {
        byte[] a = BvhWriter.toBytes(SyntheticMotions.humanoid(false, false, 60));
        byte[] b = BvhWriter.toBytes(SyntheticMotions.humanoid(false, false, 60));
        assertArrayEquals(a, b, "two writes of equal motions differ");
        Path file = dir.resolve("m.bvh");
        BvhWriter.write(SyntheticMotions.humanoid(false, false, 60), file);
        assertArrayEquals(a, Files.readAllBytes(file), "write(Path) and toBytes differ");
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "the temporary sibling must be gone");
        }
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("-0.000000"), "negative zero must print as 0.000000");
        assertFalse(text.contains("\r"), "line endings are \\n");
        assertTrue(text.contains("Frame Time: 0.03333333333\n"), "1/30 s with 10 significant digits");
    }

    @Test
    void staticRootLayoutWritesRootZerosAndHipsWithSixChannels() {
        Motion m = SyntheticMotions.humanoid(true, false, 3);
        String text = BvhWriter.toString(m);
        assertTrue(text.startsWith("HIERARCHY\nROOT Root\n{\n\tOFFSET 0.000000 0.000000 0.000000\n"
                + "\tCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
                + "\tJOINT Hips\n\t{\n\t\tOFFSET 0.000000 95.000000 0.000000\n"
                + "\t\tCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"), text.substring(0, 300));
        String[] lines = text.split("\n");
        String frame0 = lines[lines.length - 3];
        assertTrue(frame0.startsWith("0.000000 0.000000 0.000000 0.000000 0.000000 0.000000 0.000000 95.000000 0.000000 "),
                "Root channels zero, Hips position = its offset: " + frame0.substring(0, 100));
        assertEquals(Humanoid.JOINT_COUNT + 1 - 13, text.split("CHANNELS").length - 1, "channel lines");
    }

    @Test
    void numbersAreFixedAndRounded() {
        assertEquals("0.000000", BvhNumbers.fixed(-0.0));
        assertEquals("0.000000", BvhNumbers.fixed(-4e-7));
        assertEquals("-0.000001", BvhNumbers.fixed(-6e-7));
        assertEquals("12345.678900", BvhNumbers.fixed(12345.6789));
        assertEquals("-3.141593", BvhNumbers.fixed(-Math.PI));
        assertEquals("12345678901.500000", BvhNumbers.fixed(12345678901.5));
        assertEquals("0.008333333333", BvhNumbers.frameTime(120));
        assertEquals("0.04", BvhNumbers.frameTime(25));
    }
}
