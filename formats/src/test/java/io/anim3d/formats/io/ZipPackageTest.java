package io.anim3d.formats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ZipPackageTest {
    @Test
    void sameContentGivesSameBytesInAnyTimeZoneAndReadsBack() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("male-young.fbx", "Kaydara FBX Binary".repeat(100).getBytes(StandardCharsets.US_ASCII));
        entries.put("textures/skin.png", new byte[] {1, 2, 3});
        TimeZone saved = TimeZone.getDefault();
        byte[] a, b;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            a = ZipPackage.toBytes(entries);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            b = ZipPackage.toBytes(entries);
        } finally {
            TimeZone.setDefault(saved);
        }
        assertArrayEquals(a, b, "the archive depends on the time zone");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(a))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = in.getNextEntry();
                assertEquals(e.getKey(), entry.getName());
                assertEquals(ZipPackage.ENTRY_TIME, entry.getTimeLocal());
                assertArrayEquals(e.getValue(), in.readAllBytes());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ZipPackage.toBytes(Map.of("../evil", new byte[0])));
    }
}
