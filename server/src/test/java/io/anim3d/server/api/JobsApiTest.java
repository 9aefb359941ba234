package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.formats.bvh.BvhReader;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.formats.bvh.BvhFile;
import io.anim3d.testkit.SharedTestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs over real HTTP on a whole server (API + a job worker): a real clip uploaded, processed by
 * the real pipeline, polled, downloaded through signed URLs and checked by the third-party
 * validators; reruns, /list, credits, /pesave, and two clients that cannot see each other.
 */
class JobsApiTest {
    static final Path VIDEO = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    JobFixture f;

    @BeforeEach
    void start() {
        f = new JobFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void uploadProcessPollDownloadRerunAndList() throws Exception {
        JobFixture.User alice = f.user("alice", "10");
        String url = f.upload(alice, VIDEO);
        JsonNode submitted = f.ok(f.process(alice, "url", url, "formats = bvh,fbx,glb,mp4", "model=female-thin",
                "config=configDefault", "notAParam=1"), "POST /process");
        String rid = submitted.path("rid").asText();
        assertTrue(submitted.path("warnings").toString().contains("notAParam"), "unknown key echoed: " + submitted);

        JsonNode done = f.await(alice, rid, JOB_TIMEOUT);
        assertEquals("SUCCESS", done.path("status").asText(), "job: " + done);
        assertEquals("basketball_portrait.mp4", done.path("details").path("in").asText(), "details.in: " + done);
        assertEquals("basketball_portrait.mp4", done.path("details").path("In").asText(), "details.In: " + done);

        // 3.334 s of input → 4 billable seconds at 1 credit/minute = 0.067 credits (rounded up).
        JsonNode balance = f.ok(f.get(alice, "/account/creditBalance"), "creditBalance");
        assertEquals(10 - 0.067, balance.path("credits").asDouble(), 1e-9, "charged once, on success: " + balance);

        JsonNode dl = f.ok(f.get(alice, "/download/" + rid), "GET /download");
        assertEquals(1, dl.path("count").asInt());
        JsonNode link = dl.path("links").get(0);
        assertEquals(rid, link.path("rid").asText());
        assertEquals("basketball_portrait.mp4", link.path("name").asText());
        assertEquals(Files.size(VIDEO), link.path("size").asLong());
        assertEquals(3.334, link.path("duration").asDouble(), 0.0015, "duration as the decoder probes it (ffprobe: 3.334 s)");
        JsonNode groups = link.path("urls");
        assertEquals("female-thin", groups.get(0).path("name").asText(), "first group is the character: " + groups);
        List<String> keys = new ArrayList<>();
        for (JsonNode file : groups.get(0).path("files")) {
            assertEquals(1, file.size(), "one key per file object: " + file);
            keys.add(file.fieldNames().next());
        }
        assertEquals(List.of("bvh", "mp4", "fbx", "glb"), keys, "COMPAT order inside the group");
        assertEquals("landmarks", groups.get(1).path("name").asText());
        String bvhUrl = groups.get(0).path("files").get(0).path("bvh").asText();
        String mp4Url = groups.get(0).path("files").get(1).path("mp4").asText();
        String fbxUrl = groups.get(0).path("files").get(2).path("fbx").asText();
        String glbUrl = groups.get(0).path("files").get(3).path("glb").asText();
        String dmpeUrl = groups.get(1).path("files").get(0).path("dmpe").asText();
        assertTrue(bvhUrl.contains("female-thin.bvh?"), bvhUrl);
        assertTrue(fbxUrl.contains("female-thin.fbx.zip?"), fbxUrl);
        assertTrue(mp4Url.contains("female-thin.mp4?"), mp4Url);

        // Signed URLs work without any cookie; the files pass the validators.
        Path bvh = save(JobFixture.download(bvhUrl), "female-thin.bvh");
        Path glb = save(JobFixture.download(glbUrl), "female-thin.glb");
        Path fbx = save(unzipOnly(JobFixture.download(fbxUrl), "female-thin.fbx"), "female-thin.fbx");
        LandmarkTrack landmarks = Dmpe.read(new ByteArrayInputStream(JobFixture.download(dmpeUrl)));
        assertEquals(40, landmarks.frames().size(), "landmarks of every frame");
        Validators.check("bvh-check", bvh);
        JsonNode video = Validators.check("ffprobe-inspect", save(JobFixture.download(mp4Url), "female-thin.mp4"));
        assertEquals("h264", video.path("streams").get(0).path("codec").asText(), "mp4: " + video);
        assertEquals(40, video.path("streams").get(0).path("nb_read_frames").asInt(), "mp4 frames: " + video);
        JsonNode gltf = Validators.check("gltf-validate", glb, "--max-warnings", "0");
        assertEquals(0, gltf.path("numErrors").asInt(-1), "validator errors: " + gltf);
        assertEquals(0, gltf.path("numWarnings").asInt(-1), "validator warnings: " + gltf);
        JsonNode blender = Validators.check("blender-inspect", fbx, "--strict-fbx", "--require", "armature,mesh,skin,action");
        assertEquals(0, blender.path("importer_warnings").size(), "Blender warned: " + blender);
        assertTrue(JobFixture.download(link.path("input").asText()).length == Files.size(VIDEO), "input link");

        // A tampered signature is refused.
        char last = bvhUrl.charAt(bvhUrl.length() - 1);
        BlobHttp.Answer tampered = BlobHttp.send("GET", bvhUrl.substring(0, bvhUrl.length() - 1) + (last == 'A' ? 'B' : 'A'),
                BlobHttp.none());
        assertEquals(403, tampered.status(), "tampered download URL: " + tampered);

        // Rerun with other params: a new rid, no decode (landmarks reused), the first job's files stay.
        String rerun = f.submit(alice, "rid", rid, "formats=bvh", "rootAtOrigin=1", "footLockingMode=never");
        assertFalse(rerun.equals(rid), "a rerun gets a new rid");
        JsonNode rerunDone = f.await(alice, rerun, JOB_TIMEOUT);
        assertEquals("SUCCESS", rerunDone.path("status").asText(), "rerun: " + rerunDone);
        JsonNode rerunLink = f.ok(f.get(alice, "/download/" + rerun), "download rerun").path("links").get(0);
        assertEquals("male-young", rerunLink.path("urls").get(0).path("name").asText());
        BvhFile again = BvhReader.read(save(JobFixture.download(
                rerunLink.path("urls").get(0).path("files").get(0).path("bvh").asText()), "rerun.bvh"));
        assertEquals("Root", again.joints().get(0).name(), "rootAtOrigin=1 in the rerun");
        assertEquals(40, again.frameCount(), "rerun animates the same frames");
        assertEquals(Files.size(bvh), JobFixture.download(bvhUrl).length, "the first job's files stay");

        // Both jobs listed, newest first; status filters.
        JsonNode list = f.ok(f.get(alice, "/list"), "GET /list");
        assertEquals(2, list.path("count").asInt(), "list: " + list);
        assertEquals(rerun, list.path("list").get(0).path("rid").asText());
        JsonNode item = list.path("list").get(1);
        assertEquals("basketball_portrait.mp4", item.path("fileName").asText());
        assertEquals(Files.size(VIDEO), item.path("fileSize").asLong());
        assertEquals("SUCCESS", item.path("status").asText());
        assertTrue(item.path("ctime").isNumber() && item.path("mtime").asLong() >= item.path("ctime").asLong());
        assertEquals(2, f.ok(f.get(alice, "/list/SUCCESS,FAILURE"), "list SUCCESS").path("count").asInt());
        assertEquals(0, f.ok(f.get(alice, "/list/PROGRESS"), "list PROGRESS").path("count").asInt());
        assertEquals(400, f.get(alice, "/list/DONE").status(), "unknown status");

        // Two rids in one /status call.
        JsonNode both = f.ok(f.get(alice, "/status/" + rid + "," + rerun), "status of two");
        assertEquals(2, both.path("count").asInt());

        // Another client sees none of it.
        JobFixture.User bob = f.user("bob", "10");
        for (String path : List.of("/status/" + rid, "/download/" + rid, "/pesave/getUrls/" + rid)) {
            BlobHttp.Answer a = f.get(bob, path);
            assertEquals(404, a.status(), "bob " + path + ": " + a);
            assertTrue(a.asJson().json().path("message").isTextual(), "message: " + a);
        }
        assertEquals(404, f.process(bob, "rid", rid, "formats=bvh").status(), "bob reruns alice's job");
        assertEquals(404, f.process(bob, "url", url).status(), "bob processes alice's upload");
        assertEquals(0, f.ok(f.get(bob, "/list"), "bob's list").path("count").asInt());

        // Operators see both jobs in /metrics (no credentials, no ids); job gauges are cached for a second.
        String metrics = "";
        for (int i = 0; i < 20 && !metrics.contains("anim3d_jobs{state=\"SUCCESS\"} 2"); i++) {
            Thread.sleep(200);
            BlobHttp.Answer m = BlobHttp.send("GET", f.url("/metrics"), BlobHttp.none());
            assertEquals(200, m.status(), "/metrics: " + m.status());
            metrics = m.body();
        }
        assertTrue(metrics.contains("anim3d_jobs{state=\"SUCCESS\"} 2"), "jobs by state:\n" + metrics);
        assertTrue(metrics.contains("anim3d_job_processing_seconds_count{outcome=\"SUCCESS\"} 2"), "processing:\n" + metrics);
        assertTrue(metrics.contains("route=\"/status/{rids}\""), "HTTP latency by route template:\n" + metrics);
        assertFalse(metrics.contains(rid) || metrics.contains(alice.id()), "no job or client ids in /metrics");
    }

    @Test
    void editedPoseEstimationIsUsedByTheRerun() throws Exception {
        JobFixture.User alice = f.user("alice", "10");
        // Uploaded in 256 KiB chunks through the resumable protocol, as browser clients do.
        String rid = f.submit(alice, "url", f.uploadResumable(alice, VIDEO, 256 * 1024), "formats=bvh");
        assertEquals("SUCCESS", f.await(alice, rid, JOB_TIMEOUT).path("status").asText());

        JsonNode urls = f.ok(f.get(alice, "/pesave/getUrls/" + rid), "pesave");
        assertTrue(urls.isArray() && urls.size() == 1, "one pose estimation: " + urls);
        JsonNode pe = urls.get(0);
        assertTrue(pe.path("modifiedVersionReadUrl").isNull(), "nothing edited yet: " + pe);
        LandmarkTrack original = Dmpe.read(new ByteArrayInputStream(
                JobFixture.download(pe.path("originalVersionReadUrl").asText())));

        // A broken upload is refused at rerun time with a clear message.
        BlobHttp.Answer bad = BlobHttp.send("PUT", pe.path("modifiedVersionWriteUrl").asText(),
                BlobHttp.bytes("not landmarks".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, bad.status(), "PUT edited: " + bad);
        BlobHttp.Answer refused = f.process(alice, "rid", rid, "formats=bvh");
        assertEquals(400, refused.status(), "broken edit: " + refused);
        assertTrue(refused.body().contains("landmarks.dmpe"), refused.body());

        // The edit: the first 20 frames only. The rerun animates exactly those.
        LandmarkTrack edited = new LandmarkTrack(original.frameWidth(), original.frameHeight(), original.frameRate(),
                original.model(), original.frames().subList(0, 20));
        assertEquals(200, BlobHttp.send("PUT", pe.path("modifiedVersionWriteUrl").asText(),
                BlobHttp.bytes(Dmpe.toBytes(edited))).status());
        JsonNode after = f.ok(f.get(alice, "/pesave/getUrls/" + rid), "pesave after edit").get(0);
        assertTrue(after.path("modifiedVersionReadUrl").isTextual(), "edited version readable: " + after);
        String rerun = f.submit(alice, "rid", rid, "formats=bvh");
        assertEquals("SUCCESS", f.await(alice, rerun, JOB_TIMEOUT).path("status").asText());
        JsonNode link = f.ok(f.get(alice, "/download/" + rerun), "download").path("links").get(0);
        BvhFile m = BvhReader.read(save(JobFixture.download(
                link.path("urls").get(0).path("files").get(0).path("bvh").asText()), "edited.bvh"));
        assertTrue(m.frameCount() < 40, "the rerun used the edited (shorter) landmarks: " + m.frameCount() + " frames");
    }

    private Path save(byte[] bytes, String name) throws java.io.IOException {
        Path p = dir.resolve("dl-" + System.nanoTime() + "-" + name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] unzipOnly(byte[] zip, String expectedName) throws java.io.IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            assertTrue(e != null && e.getName().equals(expectedName), "zip holds " + expectedName + ", has " + e);
            return in.readAllBytes();
        }
    }
}
