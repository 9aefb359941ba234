package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the job endpoints: every refusal is a JSON {"message"} that says what was wrong,
 * stores no job and takes no credits; a job that fails (no person in the video) reports the
 * spec's error code in COMPAT.md's FAILURE shape and costs nothing.
 */
class JobsErrorsTest {
    @TempDir
    Path dir;
    JobFixture f;
    JobFixture.User alice;
    String url;

    @BeforeEach
    void start() throws Exception {
        f = new JobFixture(dir);
        alice = f.user("alice", "5");
        url = f.upload(alice, JobsApiTest.VIDEO);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void refused(BlobHttp.Answer a, int status, String what, String... mustContain) {
        assertEquals(status, a.status(), what + ": " + a);
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/json"), what + ": " + a);
        String message = a.asJson().json().path("message").asText("");
        for (String s : mustContain) {
            assertTrue(message.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)),
                    what + ": message must mention '" + s + "': " + message);
        }
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), what + ": no stack traces: " + message);
    }

    private void nothingStored() {
        assertEquals(0, f.ok(f.get(alice, "/list"), "list").path("count").asInt(), "no job stored");
        assertEquals(5.0, f.ok(f.get(alice, "/account/creditBalance"), "balance").path("credits").asDouble(), "balance");
        assertEquals(5_000, f.credits.available(alice.id()), "nothing reserved");
    }

    @Test
    void malformedBodiesAndIds() {
        refused(f.postJson(alice, "/process", "{\"url\": "), 400, "truncated JSON", "not valid JSON");
        refused(f.postJson(alice, "/process", ""), 400, "empty body", "empty");
        refused(f.postJson(alice, "/process", "[1,2]"), 400, "array body", "JSON object");
        refused(f.postJson(alice, "/process", "{\"processor\": \"video2anim\"}"), 400, "no url, no rid", "url", "rid");
        refused(f.postJson(alice, "/process", "{\"url\": \"" + url + "\", \"rid\": \"x\"}"), 400, "url and rid", "not both");
        refused(f.postJson(alice, "/process", "{\"url\": \"" + url + "\", \"processor\": \"image2anim\"}"), 400,
                "unknown processor", "video2anim");
        refused(f.postJson(alice, "/process", "{\"url\": \"" + url + "\", \"params\": \"formats=bvh\"}"), 400,
                "params not an array", "array");
        refused(f.postJson(alice, "/process", "{\"url\": 42}"), 400, "url not a string", "string");
        refused(f.postJson(alice, "/process", "{\"rid_mp_detection\": \"abc\"}"), 400, "multi-person", "not available");
        refused(f.process(alice, "rid", "no-such-job"), 404, "unknown rid", "no-such-job");
        refused(f.process(alice, "url", "http://127.0.0.1:1/blob/uploads/someone-else/abc"), 404, "foreign upload");
        refused(f.get(alice, "/status/nope"), 404, "unknown status rid");
        refused(f.get(alice, "/download/nope,nada"), 404, "unknown download rids");
        refused(f.get(alice, "/status/" + String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "r" + i).toList())), 400, "too many ids", "at most");
        nothingStored();
    }

    @Test
    void everyParamOutOfRangeNamesParamValueAndRange() {
        String[][] cases = {
            {"poseFilteringStrength=2", "poseFilteringStrength"},
            {"poseEstimation.poseFilteringStrength=-1", "poseFilteringStrength"},
            {"videoSpeedMultiplier=9", "videoSpeedMultiplier"},
            {"footLockingMode=sometimes", "footLockingMode"},
            {"formats=bvh,mov", "mov"},
            {"rootAtOrigin=2", "rootAtOrigin"},
            {"trim=3,1", "trim"},
            {"crop=0.5,0,0.2,1", "crop"},
            {"render.CamMode=7", "CamMode"},
            {"model=no-such-character", "model"},
            {"sim=1", "sim"},
            {"trackFace=1", "trackFace"},
            {"trackHand=1", "trackHand"},
            {"pipeline=mp_detection", "pipeline"},
        };
        for (String[] c : cases) {
            refused(f.process(alice, "url", url, c[0]), 400, c[0], c[1]);
        }
        refused(f.process(alice, "url", url, "trim=100,101"), 400, "trim after the end", "trim", "end");
        nothingStored();
    }

    @Test
    void notAVideoAndNothingUploaded() throws Exception {
        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "this is not a video", StandardCharsets.UTF_8);
        refused(f.process(alice, "url", f.upload(alice, text)), 400, "text named .mp4");
        String empty = f.ok(f.get(alice, "/upload?name=x.mp4"), "upload url").path("url").asText();
        refused(f.process(alice, "url", empty), 404, "nothing uploaded", "upload the file");
        nothingStored();
    }

    @Test
    void notEnoughCreditsIs402WithCode101() {
        JobFixture.User poor = f.user("poor", "0");
        String poorUrl;
        try {
            poorUrl = f.upload(poor, JobsApiTest.VIDEO);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        BlobHttp.Answer a = f.process(poor, "url", poorUrl, "formats=bvh");
        refused(a, 402, "no credits", "credits");
        assertEquals(101, a.asJson().json().path("code").asInt(), "code 101: " + a);
        assertEquals(0, f.ok(f.get(poor, "/list"), "list").path("count").asInt(), "no job stored");
    }

    @Test
    void videoWithoutAPersonFailsWithCode513AndCostsNothing() throws Exception {
        Path noPerson = dir.resolve("pattern.mp4");
        Process p = new ProcessBuilder(SharedTestData.tool("ffmpeg").toString(), "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=10:duration=1", "-pix_fmt", "yuv420p", noPerson.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffmpeg: " + log);
        String rid = f.submit(alice, "url", f.upload(alice, noPerson), "formats=bvh");
        JsonNode done = f.await(alice, rid, JobsApiTest.JOB_TIMEOUT);
        assertEquals("FAILURE", done.path("status").asText(), "status: " + done);
        JsonNode d = done.path("details");
        assertEquals("513", d.path("exc_message").get(0).asText(), "exc_message is a list of code strings: " + d);
        assertEquals(513, d.path("code").asInt(), "code: " + d);
        assertTrue(d.path("exc_type").isTextual() && d.path("message").asText().length() > 10, "type and sentence: " + d);
        assertEquals(5.0, f.ok(f.get(alice, "/account/creditBalance"), "balance").path("credits").asDouble(),
                "a failed job costs nothing");
        assertEquals(5_000, f.credits.available(alice.id()), "the reservation was released");
        JsonNode link = f.ok(f.get(alice, "/download/" + rid), "download of a failed job").path("links").get(0);
        assertEquals(1, link.size(), "a failed job's link is just its rid: " + link);
        assertEquals(1, f.ok(f.get(alice, "/list/FAILURE"), "list FAILURE").path("count").asInt());
        refused(f.process(alice, "rid", rid, "formats=bvh"), 400, "rerun of a failed job", "successful");
    }

    @Test
    void browserPreflightsOfTheJobEndpoints() {
        for (String[] c : new String[][] {{"/process", "POST"}, {"/status/x", "GET"}, {"/download/x", "GET"},
                {"/list", "GET"}, {"/pesave/getUrls/x", "GET"}}) {
            BlobHttp.Answer a = BlobHttp.send("OPTIONS", f.url(c[0]), BlobHttp.none(), "Origin", "http://localhost:8180",
                    "Access-Control-Request-Method", c[1], "Access-Control-Request-Headers", "content-type,authorization");
            assertTrue(a.status() == 200 || a.status() == 204, c[0] + ": " + a);
            assertEquals("http://localhost:8180", a.header("Access-Control-Allow-Origin"), c[0] + ": " + a);
            assertEquals("true", a.header("Access-Control-Allow-Credentials"), c[0] + ": " + a);
            assertTrue(String.valueOf(a.header("Access-Control-Allow-Methods")).contains(c[1]), c[0] + ": " + a);
        }
        BlobHttp.Answer evil = BlobHttp.send("OPTIONS", f.url("/process"), BlobHttp.none(), "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(null, evil.header("Access-Control-Allow-Origin"), "unknown origins are not allowed: " + evil);
    }

    @Test
    void fiveGigabyteAnnouncementsAreRefusedWithoutReadingThem() throws Exception {
        long fiveGb = 5L * 1024 * 1024 * 1024;
        String[] process = RawHttp.headOnly("POST", f.url("/process"), fiveGb, "Cookie", alice.cookie(),
                "Content-Type", "application/json");
        assertTrue(process[0].contains(" 413 "), "POST /process announcing 5 GB: " + process[0] + " " + process[1]);
        assertTrue(process[1].contains("\"message\""), "JSON message: " + process[1]);
        String upload = f.ok(f.get(alice, "/upload?name=huge.mp4"), "upload url").path("url").asText();
        String[] put = RawHttp.headOnly("PUT", upload, fiveGb, "Content-Type", "video/mp4");
        assertTrue(put[0].contains(" 413 "), "PUT announcing 5 GB: " + put[0] + " " + put[1]);
        assertTrue(put[1].contains("2048 MB"), "says the limit: " + put[1]);
        nothingStored();
    }
}
