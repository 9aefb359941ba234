package io.anim3d.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobKeysTest {
    private static final List<String> GOOD = List.of(
            "uploads/c1/AbC-_09xyzAbC-_09xyzAB",
            "jobs/r1/landmarks.dmpe",
            "jobs/r1/out/anim.fbx",
            "models/c1/m1/model.glb",
            "a",
            "-dash-first/_under",
            "x".repeat(BlobKeys.MAX_SEGMENT_LENGTH),
            ("a".repeat(100) + "/").repeat(5) + "b".repeat(7)); // 512 characters

    private static final List<String> BAD = List.of(
            "", "/", "../x", "a/../b", "..", ".", "./a", "a/./b", "a/..", "a//b", "a/", "/a", "/etc/passwd",
            "a\\b", "..\\x", "C:\\x", "C:/x", "a\u0000b", "a\nb", "a b", "a%2Fb", "a?b", "a#b", "a*b",
            "uploads/c1/f\u00fcr", "uploads/\u2025/x", ".hidden", "a/.partial", "a/.x.tmp",
            "x".repeat(BlobKeys.MAX_SEGMENT_LENGTH + 1),
            ("a".repeat(100) + "/").repeat(5) + "b".repeat(8)); // 513 characters

    @Test
    void acceptsKeysOfOurLayout() {
        for (String key : GOOD) {
            assertTrue(BlobKeys.isValidKey(key), () -> "should accept " + key.length() + "-char key " + key);
            assertEquals(key, BlobKeys.requireValidKey(key));
        }
    }

    @Test
    void refusesTraversalSeparatorsControlCharactersAndLongKeysNamingThem() {
        for (String key : BAD) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BlobKeys.requireValidKey(key), () -> "should refuse " + BlobKeys.describe(key));
            assertTrue(e.getMessage().contains("invalid blob key"), e.getMessage());
            if (key.length() < 60 && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\' && c != '"')) {
                assertTrue(e.getMessage().contains("\"" + key + "\""), () -> "message should name the key: " + e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BlobKeys.requireValidKey(null));
        String nul = assertThrows(IllegalArgumentException.class, () -> BlobKeys.requireValidKey("a\u0000b")).getMessage();
        assertTrue(nul.contains("\\u0000"), "NUL should be shown escaped: " + nul);
    }

    @Test
    void everyStoreOperationRefusesBadKeys(@TempDir Path dir) throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        for (String key : BAD) {
            String what = BlobKeys.describe(key);
            assertThrows(IllegalArgumentException.class, () -> store.putBytes(key, new byte[1]), "putBytes " + what);
            assertThrows(IllegalArgumentException.class, () -> store.open(key), "open " + what);
            assertThrows(IllegalArgumentException.class, () -> store.exists(key), "exists " + what);
            assertThrows(IllegalArgumentException.class, () -> store.size(key), "size " + what);
            assertThrows(IllegalArgumentException.class, () -> store.delete(key), "delete " + what);
            assertThrows(IllegalArgumentException.class,
                    () -> store.append(key, 0, new java.io.ByteArrayInputStream(new byte[1]), 10), "append " + what);
            assertThrows(IllegalArgumentException.class, () -> store.completeUpload(key), "complete " + what);
        }
        assertEquals(List.of(), store.list(""), "nothing may have been written by refused keys");
        assertFalse(java.nio.file.Files.exists(dir.getParent().resolve("x")), "../x escaped the store");
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertEquals("", BlobKeys.requireValidPrefix(""));
        assertEquals("uploads/c1", BlobKeys.requireValidPrefix("uploads/c1/"));
        assertEquals("uploads/c1", BlobKeys.requireValidPrefix("uploads/c1"));
        for (String bad : List.of("/", "//", "uploads//", "../", "a/../", "/uploads")) {
            assertThrows(IllegalArgumentException.class, () -> BlobKeys.requireValidPrefix(bad), bad);
        }
    }
}
