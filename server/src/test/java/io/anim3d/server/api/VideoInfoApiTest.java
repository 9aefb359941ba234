package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.server.accounts.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** POST /videoInfo over real HTTP on uploads made through the signed URLs, probed by the real FFmpeg. */
class VideoInfoApiTest extends UploadFixture {
    /** ffprobe: 40 frames at 12/1 fps, stream duration 3.333333 s. */
    static final double EXPECTED_DURATION_S = 40 / 12.0;

    @Test
    void uploadedVideoIsDescribedWithAndWithoutTheQueryString() {
        String url = uploaded("basketball_portrait.mp4", video);
        String bare = url.substring(0, url.indexOf('?'));
        String basic = Http.basic(alice.clientId(), alice.secret());
        String[][] asks = {{url, "Cookie", aliceCookie}, {bare, "Cookie", aliceCookie}, {bare, "Authorization", basic}};
        for (String[] ask : asks) {
            String what = "POST /videoInfo with " + ask[1] + " for " + (ask[0].equals(url) ? "the signed URL" : "the URL without query");
            Http.Answer a = ApiServerTest.ok(videoInfo("{\"url\": " + quoted(ask[0]) + "}", ask[1], ask[2]), what);
            JsonNode j = a.json();
            assertEquals(1080, number(j, "width", what).intValue(), what + ": width (as displayed), body " + a.body());
            assertEquals(1920, number(j, "height", what).intValue(), what + ": height (as displayed), body " + a.body());
            assertEquals(12.0, number(j, "fps", what).doubleValue(), 1e-9, what + ": fps, body " + a.body());
            assertEquals(EXPECTED_DURATION_S, number(j, "duration", what).doubleValue(), 0.002, what + ": duration s, body " + a.body());
            assertEquals("h264", j.path("codec").asText(), what + ": codec, body " + a.body());
            assertEquals(video.length, number(j, "size", what).longValue(), what + ": size in bytes, body " + a.body());
            assertTrue(a.body().contains("\"fps\":12,") || a.body().contains("\"fps\":12}"),
                    what + ": whole fps must print as 12, not 12.0: " + a.body());
        }
    }

    @Test
    void textFileIsRefusedWith400NamingTheProblemButNotOurPaths() {
        String url = uploaded("notes.mp4", "this is a shopping list, not a video\n".getBytes(StandardCharsets.UTF_8));
        Http.Answer a = videoInfo("{\"url\": " + quoted(url) + "}", "Cookie", aliceCookie);
        ApiServerTest.refused(a, 400, "videoInfo of a text file");
        String message = a.json().path("message").asText();
        assertTrue(message.toLowerCase(Locale.ROOT).contains("not a video"), "message must say it is not a video: " + message);
        assertFalse(message.contains(dir.toString()), "message leaks the data directory " + dir + ": " + message);
        assertFalse(message.contains("Signature") || message.contains("?"), "message leaks the signed query: " + message);
    }

    @Test
    void anotherClientsUploadIsNotFoundButItsOwnerSeesIt() {
        Credentials bob = clients.create("bob");
        String bobCookie = "dmsess=" + login(bob);
        Http.Answer got = ApiServerTest.ok(Http.get(port, "/upload?name=b.mp4", "Cookie", bobCookie), "bob GET /upload");
        String bobUrl = got.json().path("url").asText();
        assertEquals(200, BlobHttp.send("PUT", bobUrl, BlobHttp.bytes(video)).status(), "bob's PUT");
        String body = "{\"url\": " + quoted(bobUrl) + "}";
        ApiServerTest.refused(videoInfo(body, "Cookie", aliceCookie), 404, "alice asking about bob's upload");
        ApiServerTest.ok(videoInfo(body, "Cookie", bobCookie), "bob asking about his own upload");
    }

    @Test
    void unknownOrNotYetUploadedUrlsAreNotFoundWithAMessage() {
        String issued = uploadUrl("later.mp4");
        Http.Answer notYet = videoInfo("{\"url\": " + quoted(issued) + "}", "Cookie", aliceCookie);
        ApiServerTest.refused(notYet, 404, "videoInfo before the upload");
        assertTrue(notYet.json().path("message").asText().contains("upload"), "message says to upload first: " + notYet.body());

        String base = "http://localhost:" + port + "/blob/uploads/" + alice.clientId() + "/";
        String[] unknown = {
            base + "AAAAAAAAAAAAAAAAAAAAAA", // well-formed id never issued
            base + issued.substring(base.length(), issued.indexOf('?')) + ".name", // the display-name sidecar
            "http://localhost:" + port + "/blob/jobs/x/out/a.bvh", // not an upload
            "http://localhost:" + port + "/health",
            "https://example.com/somewhere/else.mp4",
        };
        for (String url : unknown) {
            ApiServerTest.refused(videoInfo("{\"url\": " + quoted(url) + "}", "Cookie", aliceCookie), 404, "videoInfo of " + url);
        }
    }

    @Test
    void malformedBodiesAreBadRequests() {
        String[] bodies = {"", "not json", "{\"url\": ", "[]", "{}", "{\"url\": 5}", "{\"url\": \"\"}", "{\"uri\": \"x\"}",
            "{\"url\": \"http://a b/\"}"};
        for (String body : bodies) {
            ApiServerTest.refused(videoInfo(body, "Cookie", aliceCookie), 400, "videoInfo with body '" + body + "'");
        }
    }

    @Test
    void withoutCredentialsIs401() {
        String url = uploaded("basketball_portrait.mp4", video);
        String body = "{\"url\": " + quoted(url) + "}";
        ApiServerTest.refused(videoInfo(body), 401, "videoInfo without credentials");
        ApiServerTest.refused(videoInfo(body, "Cookie", "dmsess=forged"), 401, "videoInfo with a forged cookie");
    }

    /** GET /upload, then PUT these bytes to the signed URL; returns the URL. */
    private String uploaded(String name, byte[] bytes) {
        String url = uploadUrl(name);
        BlobHttp.Answer put = BlobHttp.send("PUT", url, BlobHttp.bytes(bytes));
        assertEquals(200, put.status(), "PUT " + name + ": " + put);
        return url;
    }

    private Http.Answer videoInfo(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return BlobHttp.send("POST", "http://127.0.0.1:" + port + "/videoInfo",
                BlobHttp.bytes(body.getBytes(StandardCharsets.UTF_8)), all).asJson();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The member as a JSON number (a string "1080" would fail). */
    private static Number number(JsonNode j, String name, String what) {
        JsonNode n = j.path(name);
        assertTrue(n.isNumber(), what + ": '" + name + "' must be a JSON number, was " + n);
        return n.numberValue();
    }
}
