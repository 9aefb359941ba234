package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GET /upload and uploads to the signed URLs, plain and resumable, with the real test video over real HTTP. */
class UploadApiTest extends UploadFixture {

    @Test
    void plainPutWithoutCredentialsStoresTheVideoByteForByte() throws IOException {
        String url = uploadUrl("basketball_portrait.mp4");
        BlobHttp.Answer a = BlobHttp.send("PUT", url, BlobHttp.bytes(video), "Content-Type", "video/mp4");
        assertEquals(200, a.status(), "PUT without credentials: " + a);
        assertEquals(video.length, a.asJson().json().path("size").asLong(), "size in the answer: " + a.body());
        assertStoredVideo(url);
        assertEquals("basketball_portrait.mp4", displayName(url), "display name");
    }

    @Test
    void plainPutAcceptsCookieBasicAndAnyOfTheContentTypes() throws IOException {
        String basic = Http.basic(alice.clientId(), alice.secret());
        String[][] ways = {
            {"Content-Type", "application/octet-stream", "Cookie", aliceCookie, "Authorization", basic},
            {"Content-Type", "video/mp4", "Authorization", basic},
            {"Cookie", aliceCookie},
        };
        for (String[] headers : ways) {
            String url = uploadUrl("clip.mp4");
            BlobHttp.Answer a = BlobHttp.send("PUT", url, BlobHttp.bytes(video), headers);
            assertEquals(200, a.status(), "PUT with " + Arrays.toString(headers) + ": " + a);
            assertStoredVideo(url);
        }
    }

    @Test
    void namesKeepOnlyTheirBaseNameAndNeverEnterTheKey() throws IOException {
        String[][] cases = { // raw query value, expected display name
            {"static/videos/x", "x"},
            {"static%2Fvideos%2Fdance.mp4", "dance.mp4"},
            {"a%252Fb%2520c.mp4", "b c.mp4"},
            {"..%5C..%5Cevil.mp4", "evil.mp4"},
            {"no_extension", "no_extension"},
            {"%2E%2E", UploadNames.FALLBACK},
        };
        for (String[] c : cases) {
            String url = uploadUrl(c[0], "&resumable=1&fileSize=" + video.length);
            String key = keyOf(url);
            assertTrue(key.matches("uploads/" + alice.clientId() + "/[A-Za-z0-9_-]{22}"),
                    "name '" + c[0] + "' gave key '" + key + "': must be uploads/<client>/<22-char id>");
            assertEquals(c[1], displayName(url), "display name of raw name '" + c[0] + "'");
        }
        String url = uploadUrl("static/videos/x", "");
        assertEquals(200, BlobHttp.send("PUT", url, BlobHttp.bytes(video)).status(), "PUT to the URL of a name with directories");
        assertStoredVideo(url);
    }

    @Test
    void resumableUploadInThreeChunksWithStatusQueries() throws IOException {
        String url = uploadUrl("basketball_portrait.mp4", "&resumable=1");
        BlobHttp.Answer start = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start");
        assertEquals(201, start.status(), "POST start: " + start);
        String session = start.header("Location");
        assertTrue(session != null && session.startsWith(url.substring(0, url.indexOf('?')) + "?")
                && session.contains("upload_id="), "Location must be the same path, signed with upload_id: " + session);

        int total = video.length;
        int[] cuts = {0, total / 3, 2 * total / 3, total};
        BlobHttp.Answer empty = status(session, total);
        assertEquals(308, empty.status(), "status before any chunk: " + empty);
        assertNull(empty.header("Range"), "no Range before any byte arrived: " + empty);
        for (int i = 0; i < 3; i++) {
            BlobHttp.Answer a = chunk(session, cuts[i], cuts[i + 1], total);
            if (i < 2) {
                assertEquals(308, a.status(), "chunk " + i + ": " + a);
                assertEquals("bytes=0-" + (cuts[i + 1] - 1), a.header("Range"), "Range after chunk " + i);
                BlobHttp.Answer s = status(session, total);
                assertEquals(308, s.status(), "status after chunk " + i + ": " + s);
                assertEquals("bytes=0-" + (cuts[i + 1] - 1), s.header("Range"), "status Range after chunk " + i);
                assertFalse(store().exists(keyOf(url)), "the blob is visible before the last chunk (after chunk " + i + ")");
            } else {
                assertEquals(200, a.status(), "last chunk: " + a);
                assertEquals(total, a.asJson().json().path("size").asLong(), "size after the last chunk: " + a.body());
            }
        }
        assertStoredVideo(url);
        assertEquals(200, status(session, total).status(), "status of a completed upload");
    }

    @Test
    void wrongChunkOffsetAnswersTheCurrentRangeAsGcsDoes() throws IOException {
        String url = uploadUrl("clip.mp4", "&resumable=1");
        String session = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start").header("Location");
        int total = video.length;
        int half = total / 2;
        assertEquals(308, chunk(session, 0, 1000, total).status(), "first chunk");
        BlobHttp.Answer gap = chunk(session, 2000, half, total);
        assertEquals(308, gap.status(), "chunk that leaves a gap: " + gap);
        assertEquals("bytes=0-999", gap.header("Range"), "Range tells where to resume after a gap: " + gap);
        BlobHttp.Answer repeat = chunk(session, 0, 1000, total);
        assertEquals(308, repeat.status(), "repeated first chunk: " + repeat);
        assertEquals("bytes=0-999", repeat.header("Range"), "Range after a repeated chunk: " + repeat);
        assertEquals(308, chunk(session, 1000, half, total).status(), "resumed chunk");
        assertEquals(200, chunk(session, half, total, total).status(), "last chunk");
        assertStoredVideo(url);
    }

    @Test
    void plainPutWorksOnAResumableUrlAndOnItsSession() throws IOException {
        String url = uploadUrl("clip.mp4", "&resumable=1");
        assertEquals(200, BlobHttp.send("PUT", url, BlobHttp.bytes(video), "Content-Type", "video/mp4").status(),
                "plain PUT on a resumable URL");
        assertStoredVideo(url);

        String url2 = uploadUrl("clip.mp4", "&resumable=1");
        String session = BlobHttp.send("POST", url2, BlobHttp.none(), "x-goog-resumable", "start").header("Location");
        BlobHttp.Answer a = BlobHttp.send("PUT", session, BlobHttp.bytes(video), "Content-Type", "application/octet-stream");
        assertEquals(200, a.status(), "whole body to the session URL without Content-Range: " + a);
        assertStoredVideo(url2);
    }

    @Test
    void streamedBodyWithoutContentLengthIsStored() throws IOException {
        String url = uploadUrl("clip.mp4");
        BlobHttp.Answer a = BlobHttp.send("PUT", url, BlobHttp.streamed(video));
        assertEquals(200, a.status(), "chunked-encoding PUT: " + a);
        assertStoredVideo(url);
    }

    BlobHttp.Answer chunk(String session, int from, int to, int total) {
        return BlobHttp.send("PUT", session, BlobHttp.bytes(Arrays.copyOfRange(video, from, to)),
                "Content-Range", "bytes " + from + "-" + (to - 1) + "/" + total);
    }

    static BlobHttp.Answer status(String session, int total) {
        return BlobHttp.send("PUT", session, BlobHttp.none(), "Content-Range", "bytes */" + total);
    }

    void assertStoredVideo(String url) throws IOException {
        byte[] stored = store().readAllBytes(keyOf(url));
        assertEquals(video.length, stored.length, "stored size of " + keyOf(url));
        int mismatch = Arrays.mismatch(video, stored);
        assertEquals(-1, mismatch, "stored blob differs from the video first at byte " + mismatch);
        assertArrayEquals(video, stored);
    }
}
