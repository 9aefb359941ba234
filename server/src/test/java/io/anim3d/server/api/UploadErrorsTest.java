package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.Credentials;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Refused uploads (signatures, expiry, size, ranges, authentication) and CORS, over real HTTP. */
class UploadErrorsTest extends UploadFixture {
    static final long SMALL_LIMIT = 100_000;

    @Test
    void uploadWithoutAuthenticationIs401() {
        ApiServerTest.refused(Http.get(port, "/upload?name=x.mp4"), 401, "GET /upload without credentials");
        ApiServerTest.refused(Http.get(port, "/upload?name=x.mp4", "Cookie", "dmsess=forged"), 401, "GET /upload with a forged cookie");
    }

    @Test
    void expiredUrlsAre403SayingExpired() {
        String url = uploadUrl("clip.mp4");
        String session = BlobHttp.send("POST", uploadUrl("clip.mp4"), BlobHttp.none(), "x-goog-resumable", "start").header("Location");
        clock.advance(UploadRoutes.URL_TTL.plusSeconds(1));
        assertRefused(BlobHttp.send("PUT", url, BlobHttp.bytes(video)), 403, "expired", "PUT after 24 h");
        assertFalse(exists(url), "an expired URL stored something");
        assertEquals(308, UploadApiTest.status(session, video.length).status(), "the session URL lives 7 days, not 24 h");
        clock.advance(UploadRoutes.SESSION_TTL);
        assertRefused(UploadApiTest.status(session, video.length), 403, "expired", "session after 7 days");
    }

    @Test
    void tamperedSignaturePathOrParametersAre403() {
        String url = uploadUrl("clip.mp4");
        int sig = url.indexOf("signature=") + "signature=".length();
        char c = url.charAt(sig);
        String badSignature = url.substring(0, sig) + (c == 'A' ? 'B' : 'A') + url.substring(sig + 1);
        Credentials bob = clients.create("bob");
        String otherClient = url.replace("/uploads/" + alice.clientId() + "/", "/uploads/" + bob.clientId() + "/");
        String q = url.indexOf('?') >= 0 ? url.substring(url.indexOf('?')) : "";
        String otherId = url.substring(0, url.indexOf('?') - 22) + "AAAAAAAAAAAAAAAAAAAAAA" + q;
        String laterExpiry = url.replaceAll("expires=(\\d+)", "expires=9$1");
        String extraParam = url + "&upload_id=x";
        for (String[] t : new String[][] {{"signature", badSignature}, {"client in path", otherClient},
                {"upload id in path", otherId}, {"expiry", laterExpiry}, {"added parameter", extraParam}}) {
            assertRefused(BlobHttp.send("PUT", t[1], BlobHttp.bytes(video)), 403, "tampered", "PUT with changed " + t[0]);
            assertFalse(exists(t[1]), "changed " + t[0] + " stored something");
        }
        String unsigned = url.substring(0, url.indexOf('?'));
        assertRefused(BlobHttp.send("PUT", unsigned, BlobHttp.bytes(video)), 403, "signed", "PUT without the signed query");
        String session = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start").header("Location");
        assertRefused(BlobHttp.send("POST", session, BlobHttp.none(), "x-goog-resumable", "start"), 403, "method",
                "POST to a session URL (signed for PUT only)");
    }

    @Test
    void overLimitUploadsAre413AndStoreNothing() {
        restart(config().withMaxUploadBytes(SMALL_LIMIT));
        String declared = uploadUrl("big.mp4");
        assertRefused(BlobHttp.send("PUT", declared, BlobHttp.bytes(video)), 413, String.valueOf(SMALL_LIMIT),
                "PUT with Content-Length " + video.length + " over " + SMALL_LIMIT);
        assertFalse(exists(declared), "an over-limit PUT (Content-Length) stored something");

        String streamed = uploadUrl("big.mp4");
        assertRefused(BlobHttp.send("PUT", streamed, BlobHttp.streamed(video)), 413, "too large",
                "PUT of " + video.length + " bytes without Content-Length");
        assertFalse(exists(streamed), "an over-limit streamed PUT stored something");

        String resumable = uploadUrl("big.mp4", "&resumable=1");
        String session = BlobHttp.send("POST", resumable, BlobHttp.none(), "x-goog-resumable", "start").header("Location");
        assertRefused(BlobHttp.send("PUT", session, BlobHttp.bytes(Arrays.copyOf(video, 1000)),
                "Content-Range", "bytes 0-999/" + video.length), 413, "too large", "chunk announcing a total over the limit");
        assertFalse(exists(resumable), "an over-limit resumable upload stored something");

        byte[] small = Arrays.copyOf(video, (int) SMALL_LIMIT);
        String fits = uploadUrl("small.mp4");
        assertEquals(200, BlobHttp.send("PUT", fits, BlobHttp.bytes(small)).status(), "PUT of exactly the limit");
    }

    @Test
    void fullStorageQuotaIs413AndKeepsWhatIsStored() throws Exception {
        restart(config().withStorageQuotaBytes(video.length + 1000L));
        String first = uploadUrl("first.mp4");
        assertEquals(200, BlobHttp.send("PUT", first, BlobHttp.bytes(video)).status(), "the first upload fits");

        String second = uploadUrl("second.mp4"); // 1000 bytes left: a URL is still handed out
        assertRefused(BlobHttp.send("PUT", second, BlobHttp.bytes(video)), 413, "quota", "PUT over the quota");
        assertFalse(exists(second), "an over-quota PUT stored something");
        assertRefused(BlobHttp.send("PUT", second, BlobHttp.streamed(video)), 413, "quota", "streamed PUT over the quota");
        assertFalse(exists(second), "an over-quota streamed PUT stored something");
        String session = BlobHttp.send("POST", uploadUrl("third.mp4", "&resumable=1"), BlobHttp.none(),
                "x-goog-resumable", "start").header("Location");
        assertRefused(BlobHttp.send("PUT", session, BlobHttp.bytes(Arrays.copyOf(video, 1000)),
                "Content-Range", "bytes 0-999/" + video.length), 413, "quota", "resumable chunk of an over-quota total");
        assertEquals(200, BlobHttp.send("PUT", first, BlobHttp.bytes(video)).status(), "re-uploading the same file fits");
        assertTrue(exists(first), "what was stored stays");

        restart(config().withStorageQuotaBytes(video.length / 2));
        Http.Answer full = Http.get(port, "/upload?name=x.mp4", "Cookie", aliceCookie);
        assertEquals(413, full.status(), "GET /upload when full: " + full);
        assertTrue(full.json().path("message").asText().contains("quota"), full.toString());
    }

    @Test
    void malformedOrInconsistentContentRangeIs400() {
        String session = BlobHttp.send("POST", uploadUrl("clip.mp4"), BlobHttp.none(), "x-goog-resumable", "start")
                .header("Location");
        byte[] chunk = Arrays.copyOf(video, 1000);
        for (String range : List.of("bytes=0-999", "bytes 999-0/2000", "bytes 0-999/500", "items 0-999/2000",
                "bytes 0-499/2000")) {
            assertRefused(BlobHttp.send("PUT", session, BlobHttp.bytes(chunk), "Content-Range", range), 400, "Content-",
                    "Content-Range '" + range + "' with 1000 bytes");
        }
        assertRefused(BlobHttp.send("POST", uploadUrl("clip.mp4"), BlobHttp.none()), 400, "x-goog-resumable",
                "POST without x-goog-resumable: start");
    }

    @Test
    void preflightsAllowBrowserUploadsFromAnyOriginWhenConfigured() {
        restart(config().withCorsOrigins(List.of(ServerConfig.ANY_ORIGIN)));
        String url = uploadUrl("clip.mp4");
        BlobHttp.Answer p = BlobHttp.send("OPTIONS", url, BlobHttp.none(), "Origin", "https://app.example",
                "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "content-type,content-range,x-goog-resumable");
        assertEquals(200, p.status(), "preflight on a blob URL: " + p);
        assertEquals("*", p.header("Access-Control-Allow-Origin"), "allowed origin: " + p);
        assertContainsAll(p.header("Access-Control-Allow-Methods"), "preflight methods", "PUT", "POST");
        assertContainsAll(p.header("Access-Control-Allow-Headers"), "preflight headers",
                "content-type", "content-range", "x-goog-resumable", "authorization");
        BlobHttp.Answer start = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start",
                "Origin", "https://app.example");
        assertContainsAll(start.header("Access-Control-Expose-Headers"), "exposed headers", "Location", "Range");
        BlobHttp.Answer api = BlobHttp.send("OPTIONS", "http://127.0.0.1:" + port + "/upload?name=x", BlobHttp.none(),
                "Origin", "https://app.example", "Access-Control-Request-Method", "GET");
        assertEquals(200, api.status(), "preflight on /upload: " + api);
        assertEquals("*", api.header("Access-Control-Allow-Origin"), "preflight on /upload: " + api);
    }

    @Test
    void defaultOriginsAreCompatsEchoedWithCredentialsAndOthersGetNoCorsHeaders() {
        assertEquals(List.of("http://localhost:8080", "http://localhost:8180"), ServerConfig.DEFAULT_CORS_ORIGINS);
        restart(config().withCorsOrigins(ServerConfig.DEFAULT_CORS_ORIGINS));
        BlobHttp.Answer ok = BlobHttp.send("OPTIONS", "http://127.0.0.1:" + port + "/upload", BlobHttp.none(),
                "Origin", "http://localhost:8180", "Access-Control-Request-Method", "GET");
        assertEquals("http://localhost:8180", ok.header("Access-Control-Allow-Origin"), "echoed origin: " + ok);
        assertEquals("true", ok.header("Access-Control-Allow-Credentials"), "credentials: " + ok);
        BlobHttp.Answer other = BlobHttp.send("OPTIONS", "http://127.0.0.1:" + port + "/upload", BlobHttp.none(),
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertNull(other.header("Access-Control-Allow-Origin"), "a foreign origin got CORS headers: " + other);
    }

    boolean exists(String url) {
        try {
            return store().exists(keyOf(url)) || store().sizeSoFar(keyOf(url)) > 0;
        } catch (IOException | IllegalArgumentException e) {
            return false; // not a valid key: nothing can be stored under it
        }
    }

    static void assertRefused(BlobHttp.Answer a, int status, String word, String what) {
        ApiServerTest.refused(a.asJson(), status, what);
        String message = a.asJson().json().path("message").asText();
        assertTrue(message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                what + ": message '" + message + "' lacks '" + word + "'");
    }

    static void assertContainsAll(String header, String what, String... items) {
        assertTrue(header != null, what + ": header missing");
        for (String item : items) {
            assertTrue(header.toLowerCase(Locale.ROOT).contains(item.toLowerCase(Locale.ROOT)),
                    what + ": '" + header + "' lacks " + item);
        }
    }

}
