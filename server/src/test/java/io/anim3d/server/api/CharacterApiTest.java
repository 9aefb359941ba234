package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.formats.fbx.read.FbxCharacterReader;
import io.anim3d.render.scene.CharacterThumbnail;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.characters.CharacterFacts;
import io.anim3d.server.characters.CharacterOwner;
import io.anim3d.server.characters.CharacterRoutes;
import io.anim3d.server.characters.CharacterService;
import io.anim3d.server.characters.CharacterStore;
import io.anim3d.server.characters.StoredCharacter;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.testkit.SharedTestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Custom Character APIs over real HTTP: real character files from ../shared uploaded through
 * the signed URLs (plain PUT and resumable), stored, listed, renamed and deleted, against H2 in a
 * temporary data directory; bad files, bad bodies, limits, two clients and remote URLs.
 */
class CharacterApiTest extends UploadFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KENNEY = "characters/fbx/maya_kenney_character_7700_binary.fbx";
    static final String BRUNETTE = "characters/gltf/brunette-t.glb";
    static final String VRM_SKINNED = "characters/vrm/pose_rotation_scale_shape_key_skinned.vrm";
    static final String PNG = "characters/gltf/godot-hands/hand.png";
    static final String JPG = "blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg";
    /** The renderer's stock pictures, drawn once for all tests. */
    private static final Map<String, byte[]> STOCK_THUMBS = new ConcurrentHashMap<>();

    @Override
    void restart(ServerConfig config) {
        if (server != null) {
            server.stop();
        }
        server = new ApiServer(config, db, clients, credits, clock);
        server.add(new CharacterRoutes(server.context()));
        server.start(0);
        port = server.port();
    }

    @Test
    void fbxCharacterGoesThroughUploadStoreListAndDelete() throws IOException {
        byte[] model = bytes(KENNEY);
        byte[] thumb = bytes(PNG);
        JsonNode urls = uploadUrls(aliceCookie, "name=Kenney&modelExt=fbx&thumbExt=png&resumable=0");
        put(urls.path("modelUrl").asText(), model);
        put(urls.path("thumbUrl").asText(), thumb);
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "modelName", null,
                "thumbUrl", urls.path("thumbUrl").asText(), "modelId", null, "createThumb", 0));
        assertTrue(id.matches("[A-Za-z0-9_-]{1,128}"), "modelId must be usable as /process model=: " + id);

        JsonNode list = list(aliceCookie, "");
        assertEquals(1, list.size(), "alice's list: " + list);
        JsonNode m = list.get(0);
        long now = clock.millis();
        assertEquals(id, m.path("id").asText(), "id");
        assertEquals(id, m.path("Id").asText(), "Id (the spec's spelling) too");
        assertEquals("Kenney", m.path("name").asText(), "name from getModelUploadUrl's name");
        assertEquals("mixamo", m.path("rigId").asText(), "Kenney's bones are named Hips, Spine, LeftArm ...");
        assertEquals("custom", m.path("platform").asText());
        assertTrue(m.path("ctime").isNumber() && m.path("mtime").isNumber(), "times are JSON numbers: " + m);
        assertEquals(now, m.path("ctime").asLong(), "ctime in ms since the epoch");
        assertEquals(now, m.path("mtime").asLong(), "mtime in ms since the epoch");
        assertThumbLink(m.path("thumb").asText(), id, "png");

        String prefix = "models/" + alice.clientId() + "/" + id + "/";
        assertEquals(List.of(prefix + "model.fbx", prefix + "thumb.png"), store().list("models/"), "stored blobs");
        assertTrue(Arrays.equals(model, store().readAllBytes(prefix + "model.fbx")), "model bytes kept unchanged");
        assertTrue(Arrays.equals(thumb, store().readAllBytes(prefix + "thumb.png")), "thumbnail bytes kept unchanged");
        assertEquals(List.of(), store().list("uploads/" + alice.clientId()), "the uploads are moved, not copied");
        StoredCharacter row = new CharacterStore(db).find(CharacterOwner.client(alice.clientId()), id).orElseThrow();
        assertEquals(new CharacterFacts("fbx", "mixamo", 59, true, true), row.facts(), "what reading the FBX found");
        assertEquals(model.length, row.modelSize(), "model size");

        Http.Answer deleted = ApiServerTest.ok(delete(id, aliceCookie), "DELETE own model");
        assertEquals(1, deleted.json().path("count").asInt(), "count: " + deleted.body());
        assertTrue(deleted.json().path("count").isNumber(), "count is a JSON number: " + deleted.body());
        assertEquals(0, list(aliceCookie, "").size(), "list after delete");
        assertEquals(List.of(), store().list("models/"), "delete removes the files too");
        ApiServerTest.refused(delete(id, aliceCookie), 404, "deleting it again");
    }

    @Test
    void glbThroughResumableUploadIsListedBesideTheStockCharacters() throws IOException {
        JsonNode urls = uploadUrls(aliceCookie, "name=brunette&modelExt=glb&thumbExt=jpg&resumable=1");
        putResumable(urls.path("modelUrl").asText(), bytes(BRUNETTE));
        putResumable(urls.path("thumbUrl").asText(), bytes(JPG));
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "modelName", "Brunette",
                "thumbUrl", urls.path("thumbUrl").asText()));

        JsonNode list = list(aliceCookie, "?stockModel=all");
        List<String> ids = new ArrayList<>();
        list.forEach(m -> ids.add(m.path("id").asText()));
        List<String> expected = new ArrayList<>(List.of(id));
        expected.addAll(ProcessParams.STOCK_CHARACTERS);
        assertEquals(expected, ids, "own models first, then every stock character: " + list);
        JsonNode own = list.get(0);
        assertEquals("Brunette", own.path("name").asText());
        assertEquals("mixamo", own.path("rigId").asText(), "Ready Player Me: Mixamo names without prefix");
        assertThumbLink(own.path("thumb").asText(), id, "jpg");
        for (int i = 1; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String what = "stock entry " + s;
            assertEquals("stock", s.path("platform").asText(), what);
            assertEquals("mixamo", s.path("rigId").asText(), what);
            assertEquals(s.path("id").asText(), s.path("Id").asText(), what);
            assertEquals(s.path("id").asText(), s.path("name").asText(), what);
            assertStockThumbLink(s.path("thumb").asText(), s.path("id").asText());
            assertEquals(0, s.path("ctime").asLong(-1), what);
            assertEquals(0, s.path("mtime").asLong(-1), what);
        }
        for (String flag : new String[] {"true", "1", "all"}) {
            assertEquals(1 + ProcessParams.STOCK_CHARACTERS.size(), list(aliceCookie, "?stockModel=" + flag).size(), "stockModel=" + flag);
        }
        for (String flag : new String[] {"0", "false"}) {
            assertEquals(1, list(aliceCookie, "?stockModel=" + flag).size(), "stockModel=" + flag);
        }
        assertEquals(1, list(aliceCookie, "").size(), "without stockModel only the own models");
    }

    @Test
    void vrmModelsAreStoredWithTheVrmRig() throws IOException {
        String skinned = storedModel(aliceCookie, "avatar", "vrm", bytes(VRM_SKINNED));
        String bare = storedModel(aliceCookie, "minimal", "vrm", bytes("characters/vrm/minimal.vrm"));
        CharacterStore rows = new CharacterStore(db);
        CharacterOwner owner = CharacterOwner.client(alice.clientId());
        assertEquals(new CharacterFacts("vrm", "vrm", 17, true, true), rows.find(owner, skinned).orElseThrow().facts());
        assertEquals(new CharacterFacts("vrm", "vrm", 17, false, false), rows.find(owner, bare).orElseThrow().facts(),
                "a VRM without skin: its humanoid bones are the skeleton");
        assertTrue(store().exists("models/" + alice.clientId() + "/" + skinned + "/model.vrm"), "stored as .vrm");
        JsonNode list = list(aliceCookie, "");
        assertEquals(2, list.size());
        list.forEach(m -> assertEquals("vrm", m.path("rigId").asText(), "rigId of " + m));
        list.forEach(m -> assertEquals("", m.path("thumb").asText("null"), "no thumbnail: \"\" in " + m));
    }

    @Test
    void unreadableModelsAreRefusedWithAMessageAndNothingIsStored() throws IOException {
        byte[] brunette = bytes(BRUNETTE);
        Object[][] cases = {
            {"text file named .fbx", "fbx", "a shopping list\n".getBytes(StandardCharsets.UTF_8), "not an FBX file"},
            {"ASCII FBX", "fbx", bytes("characters/fbx/maya_human_ik_7400_ascii.fbx"), "ASCII FBX is not supported: export as binary FBX"},
            {"FBX without bones", "fbx", bytes("characters/fbx/non_humanoid/multiple_animations_test.fbx"), "no skeleton"},
            {"truncated GLB", "glb", Arrays.copyOf(brunette, brunette.length / 2), "header says"},
            {"glTF JSON uploaded as glb", "glb", bytes("characters/gltf/simple_skin/simple_skin.gltf"), "export the character as binary glTF (.glb)"},
            {"Draco-compressed VRM", "vrm", bytes("characters/vrm/broken/draco.vrm"), "without mesh compression"},
            {"empty glTF as VRM", "vrm", bytes("characters/vrm/broken/empty.vrm"), "no skeleton"},
            {"VRM bone on a missing node", "vrm", bytes("characters/vrm/broken/human_bone.vrm"), "12345"},
            {"empty file", "fbx", new byte[0], "empty"},
        };
        for (Object[] c : cases) {
            String what = (String) c[0];
            JsonNode urls = uploadUrls(aliceCookie, "name=bad&modelExt=" + c[1]);
            put(urls.path("modelUrl").asText(), (byte[]) c[2]);
            Http.Answer a = store(aliceCookie, body("modelUrl", urls.path("modelUrl").asText()));
            ApiServerTest.refused(a, 400, what);
            String message = a.json().path("message").asText();
            assertTrue(message.contains((String) c[3]), what + ": message must say '" + c[3] + "': " + message);
            assertFalse(message.contains(dir.toString()), what + ": message leaks the data directory: " + message);
            assertNothingStored(what);
        }

        JsonNode urls = uploadUrls(aliceCookie, "name=ok&modelExt=fbx&thumbExt=png");
        put(urls.path("modelUrl").asText(), bytes(KENNEY));
        put(urls.path("thumbUrl").asText(), "not a picture".getBytes(StandardCharsets.UTF_8));
        Http.Answer a = store(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "thumbUrl", urls.path("thumbUrl").asText()));
        ApiServerTest.refused(a, 400, "a text file as thumbnail");
        assertTrue(a.json().path("message").asText().contains("PNG or JPEG"), "thumbnail message: " + a.body());
        assertNothingStored("bad thumbnail");

        JsonNode notYet = uploadUrls(aliceCookie, "name=later&modelExt=fbx");
        Http.Answer early = store(aliceCookie, body("modelUrl", notYet.path("modelUrl").asText()));
        ApiServerTest.refused(early, 404, "storeModel before uploading");
        assertTrue(early.json().path("message").asText().contains("upload"), "says to upload first: " + early.body());
        assertNothingStored("nothing uploaded yet");
    }

    @Test
    void uploadUrlsOnlyForFormatsWeCanRead() {
        Http.Answer gltf = get("/character/getModelUploadUrl?name=x&modelExt=gltf", aliceCookie);
        ApiServerTest.refused(gltf, 400, "modelExt=gltf");
        assertTrue(gltf.json().path("message").asText().contains(".glb"), "says to export as .glb: " + gltf.body());
        ApiServerTest.refused(get("/character/getModelUploadUrl?modelExt=obj", aliceCookie), 400, "modelExt=obj");
        ApiServerTest.refused(get("/character/getModelUploadUrl?modelExt=fbx&thumbExt=gif", aliceCookie), 400, "thumbExt=gif");
        for (String q : new String[] {"", "modelExt=FBX&thumbExt=JPEG", "modelExt=.glb&thumbExt=jpg", "modelExt=vrm&resumable=1"}) {
            JsonNode urls = uploadUrls(aliceCookie, q);
            for (String field : new String[] {"modelUrl", "thumbUrl"}) {
                String url = urls.path(field).asText();
                assertTrue(url.startsWith("http://localhost:" + port + "/blob/uploads/" + alice.clientId() + "/"),
                        q + ": " + field + " is a signed upload URL of the caller: " + url);
                assertTrue(url.contains("signature="), q + ": " + field + " is signed: " + url);
            }
        }
    }

    @Test
    void clientsCannotSeeOrTouchEachOthersModels() throws IOException {
        Credentials bob = clients.create("bob");
        String bobCookie = "dmsess=" + login(bob);
        String aliceModel = storedModel(aliceCookie, "alice-hero", "fbx", bytes(KENNEY));
        JsonNode bobUrls = uploadUrls(bobCookie, "name=bob-hero&modelExt=vrm");
        put(bobUrls.path("modelUrl").asText(), bytes(VRM_SKINNED));

        ApiServerTest.refused(get("/character/listModels?modelId=" + aliceModel, bobCookie), 404, "bob listing alice's model by id");
        ApiServerTest.refused(delete(aliceModel, bobCookie), 404, "bob deleting alice's model");
        ApiServerTest.refused(store(bobCookie, body("modelId", aliceModel, "modelName", "mine now")), 404, "bob renaming alice's model");
        ApiServerTest.refused(store(aliceCookie, body("modelUrl", bobUrls.path("modelUrl").asText())), 404,
                "alice storing bob's upload");
        assertEquals(0, list(bobCookie, "").size(), "bob sees none of alice's models");

        String bobModel = storeOk(bobCookie, body("modelUrl", bobUrls.path("modelUrl").asText()));
        assertEquals(List.of(bobModel), ids(list(bobCookie, "")), "bob's own list");
        assertEquals(List.of(aliceModel), ids(list(aliceCookie, "")), "alice's list is untouched");
        assertEquals("alice-hero", list(aliceCookie, "?modelId=" + aliceModel).get(0).path("name").asText(), "alice's name kept");
        assertTrue(store().exists("models/" + alice.clientId() + "/" + aliceModel + "/model.fbx"), "alice's file kept");
    }

    @Test
    void modelIdRenamesAndChangesTheThumbnail() throws IOException {
        JsonNode urls = uploadUrls(aliceCookie, "name=first&modelExt=fbx&thumbExt=png");
        put(urls.path("modelUrl").asText(), bytes(KENNEY));
        put(urls.path("thumbUrl").asText(), bytes(PNG));
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "thumbUrl", urls.path("thumbUrl").asText()));
        long created = clock.millis();
        String listedThumb = list(aliceCookie, "").get(0).path("thumb").asText();

        clock.advance(Duration.ofMinutes(5));
        assertEquals(id, storeOk(aliceCookie, body("modelId", id, "modelName", "Renamed", "thumbUrl", listedThumb,
                "modelUrl", null, "createThumb", "0")), "the same id comes back");
        JsonNode m = list(aliceCookie, "").get(0);
        assertEquals("Renamed", m.path("name").asText());
        assertEquals(created, m.path("ctime").asLong(), "ctime unchanged");
        assertEquals(clock.millis(), m.path("mtime").asLong(), "mtime is the time of the change");
        String prefix = "models/" + alice.clientId() + "/" + id + "/";
        assertTrue(store().exists(prefix + "thumb.png"), "the listed thumb link sent back keeps the thumbnail");

        JsonNode second = uploadUrls(aliceCookie, "name=whatever&modelExt=fbx&thumbExt=jpg");
        put(second.path("thumbUrl").asText(), bytes(JPG));
        storeOk(aliceCookie, body("modelId", id, "thumbUrl", second.path("thumbUrl").asText()));
        assertEquals(List.of(prefix + "model.fbx", prefix + "thumb.jpg"), store().list(prefix), "the JPEG replaced the PNG");
        assertEquals("Renamed", list(aliceCookie, "").get(0).path("name").asText(), "no modelName: the name stays");
        assertThumbLink(list(aliceCookie, "").get(0).path("thumb").asText(), id, "jpg");

        ApiServerTest.refused(store(aliceCookie, body("modelId", "0123456789abcdef0123456789abcdef", "modelName", "x")), 404,
                "renaming an unknown id");
        ApiServerTest.refused(store(aliceCookie, body("modelId", "../" + id, "modelName", "x")), 404, "an id that is a path");
    }

    @Test
    void namesAreDisplayNamesNeverPaths() throws IOException {
        String raw = URLEncoder.encode("../../../etc/passwd", StandardCharsets.UTF_8);
        JsonNode urls = uploadUrls(aliceCookie, "name=" + raw + "&modelExt=fbx");
        put(urls.path("modelUrl").asText(), bytes(KENNEY));
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText()));
        assertEquals("passwd", list(aliceCookie, "").get(0).path("name").asText(), "only the last segment is kept");
        assertEquals(List.of("models/" + alice.clientId() + "/" + id + "/model.fbx"), store().list("models/"),
                "keys are made of ids, whatever the name");
        assertFalse(Files.exists(dir.resolve("etc")), "nothing written outside the blob store");

        storeOk(aliceCookie, body("modelId", id, "modelName", "C:\\Users\\x\\..\\Hero\u0000"));
        assertEquals("Hero", list(aliceCookie, "").get(0).path("name").asText(), "Windows path and NUL removed");

        Http.Answer tooLong = store(aliceCookie, body("modelId", id, "modelName", "n".repeat(201)));
        ApiServerTest.refused(tooLong, 400, "a 201-character name");
        assertTrue(tooLong.json().path("message").asText().contains("200"), "names the limit: " + tooLong.body());
        assertEquals("Hero", list(aliceCookie, "").get(0).path("name").asText(), "a refused rename changes nothing");
        ApiServerTest.refused(get("/character/getModelUploadUrl?modelExt=fbx&name=" + "n".repeat(201), aliceCookie), 400,
                "getModelUploadUrl with a 201-character name");
    }

    @Test
    void storeModelBodyIsChecked() throws IOException {
        JsonNode urls = uploadUrls(aliceCookie, "name=x&modelExt=fbx");
        String modelUrl = urls.path("modelUrl").asText();
        put(modelUrl, bytes(KENNEY));
        String[] bad = {"", "not json", "[]", "{}", "{\"modelUrl\": null, \"modelId\": null}", "{\"modelUrl\": 5}",
            "{\"modelUrl\": \"x\", \"modelId\": \"y\"}", "{\"modelUrl\": \"ftp://host/x.fbx\"}", "{\"modelUrl\": \"http://a b/\"}",
            "{\"modelUrl\": \"" + modelUrl + "\", \"createThumb\": 2}", "{\"modelUrl\": \"" + modelUrl + "\", \"createThumb\": \"yes\"}",
            "{\"modelUrl\": \"" + modelUrl + "\", \"createThumb\": {}}", "{\"modelUrl\": \"" + modelUrl + "\", \"createThumb\": [1]}"};
        for (String b : bad) {
            ApiServerTest.refused(store(aliceCookie, b), 400, "storeModel body " + b);
        }
        assertNothingStored("refused bodies");
        ApiServerTest.ok(store(aliceCookie, body("modelUrl", modelUrl, "modelName", null, "thumbUrl", null, "modelId", null,
                "createThumb", 0, "unknownExtra", "ignored")), "explicit nulls and an unknown member");
    }

    @Test
    void createThumbDrawsTheFbxCharacterAsItsThumbnail() throws IOException {
        byte[] expected = CharacterThumbnail.png(FbxCharacterReader.read(SharedTestData.testdata(KENNEY)));
        for (Object create : new Object[] {1, "1", true, "true"}) {
            JsonNode urls = uploadUrls(aliceCookie, "name=drawn&modelExt=fbx&thumbExt=png");
            put(urls.path("modelUrl").asText(), bytes(KENNEY));
            // thumbUrl from getModelUploadUrl, never uploaded: clients may send it as JSON null or leave it out.
            String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "thumbUrl", null,
                    "createThumb", create));
            String key = "models/" + alice.clientId() + "/" + id + "/thumb.png";
            assertTrue(Arrays.equals(expected, store().readAllBytes(key)),
                    "createThumb " + create + ": the stored thumbnail is the renderer's picture of the model");
            assertThumbLink(list(aliceCookie, "?modelId=" + id).get(0).path("thumb").asText(), id, "png");
            ApiServerTest.ok(delete(id, aliceCookie), "delete");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(expected));
        assertEquals(List.of(256, 256), List.of(image.getWidth(), image.getHeight()), "thumbnail size");
    }

    @Test
    void createThumbDrawsAGlbCharacter() throws IOException {
        JsonNode urls = uploadUrls(aliceCookie, "name=brunette&modelExt=glb");
        put(urls.path("modelUrl").asText(), bytes(BRUNETTE));
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "createThumb", 1));
        byte[] stored = store().readAllBytes("models/" + alice.clientId() + "/" + id + "/thumb.png");
        byte[] expected = io.anim3d.render.scene.CharacterThumbnail.png(
                io.anim3d.formats.gltf.GlbCharacterReader.read(bytes(BRUNETTE), "model"), 256);
        assertTrue(Arrays.equals(expected, stored), "the GLB character drawn as its thumbnail");
        assertThumbLink(list(aliceCookie, "?modelId=" + id).get(0).path("thumb").asText(), id, "png");
    }

    @Test
    void createThumbIsRefusedWhenItCannotBeDrawnOrConflictsWithThumbUrl() throws IOException {
        Object[][] cases = {
            {"VRM without a skinned mesh", "vrm", bytes("characters/vrm/basic_armature.vrm"), "only a skeleton"},
            {"FBX without mesh", "fbx", bytes("characters/fbx/maya_human_ik_7400_binary.fbx"), "only a skeleton"},
        };
        for (Object[] c : cases) {
            JsonNode urls = uploadUrls(aliceCookie, "name=x&modelExt=" + c[1]);
            put(urls.path("modelUrl").asText(), (byte[]) c[2]);
            Http.Answer a = store(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "createThumb", 1));
            ApiServerTest.refused(a, 400, c[0] + " with createThumb");
            String message = a.json().path("message").asText();
            assertTrue(message.contains((String) c[3]) && message.contains("thumbUrl"),
                    c[0] + ": says why and what to send instead: " + message);
            assertNothingStored(c[0] + " with createThumb");
        }
        JsonNode urls = uploadUrls(aliceCookie, "name=both&modelExt=fbx&thumbExt=png");
        put(urls.path("modelUrl").asText(), bytes(KENNEY));
        put(urls.path("thumbUrl").asText(), bytes(PNG));
        Http.Answer both = store(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "thumbUrl",
                urls.path("thumbUrl").asText(), "createThumb", 1));
        ApiServerTest.refused(both, 400, "thumbUrl and createThumb together");
        assertTrue(both.json().path("message").asText().contains("not both"), both.body());
        assertNothingStored("thumbUrl and createThumb together");
    }

    @Test
    void createThumbWithModelIdRedrawsTheStoredModel() throws IOException {
        byte[] expected = CharacterThumbnail.png(FbxCharacterReader.read(SharedTestData.testdata(KENNEY)));
        JsonNode urls = uploadUrls(aliceCookie, "name=hero&modelExt=fbx&thumbExt=jpg");
        put(urls.path("modelUrl").asText(), bytes(KENNEY));
        put(urls.path("thumbUrl").asText(), bytes(JPG));
        String id = storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText(), "thumbUrl", urls.path("thumbUrl").asText()));
        String prefix = "models/" + alice.clientId() + "/" + id + "/";
        String listedJpg = list(aliceCookie, "").get(0).path("thumb").asText();

        JsonNode other = uploadUrls(aliceCookie, "name=other&modelExt=fbx&thumbExt=png");
        put(other.path("thumbUrl").asText(), bytes(PNG));
        ApiServerTest.refused(store(aliceCookie, body("modelId", id, "thumbUrl", other.path("thumbUrl").asText(), "createThumb", 1)),
                400, "a new thumbUrl and createThumb together");
        assertEquals(List.of(prefix + "model.fbx", prefix + "thumb.jpg"), store().list(prefix), "a refused change keeps the JPEG");

        clock.advance(Duration.ofMinutes(1));
        // The listed link sent back unchanged is no new picture: createThumb wins without a conflict.
        storeOk(aliceCookie, body("modelId", id, "modelName", "Drawn", "thumbUrl", listedJpg, "createThumb", 1));
        assertEquals(List.of(prefix + "model.fbx", prefix + "thumb.png"), store().list(prefix), "the drawing replaced the JPEG");
        assertTrue(Arrays.equals(expected, store().readAllBytes(prefix + "thumb.png")), "redrawn from the stored model");
        JsonNode m = list(aliceCookie, "").get(0);
        assertEquals("Drawn", m.path("name").asText(), "renamed in the same request");
        assertEquals(clock.millis(), m.path("mtime").asLong(), "mtime is the time of the redraw");
        assertThumbLink(m.path("thumb").asText(), id, "png");
        storeOk(aliceCookie, body("modelId", id, "createThumb", "1"));
        assertTrue(Arrays.equals(expected, store().readAllBytes(prefix + "thumb.png")), "drawing again gives the same bytes");

        String vrm = storedModel(aliceCookie, "avatar", "vrm", bytes(VRM_SKINNED));
        storeOk(aliceCookie, body("modelId", vrm, "modelName", "renamed", "createThumb", 1));
        String vrmPrefix = "models/" + alice.clientId() + "/" + vrm + "/";
        assertEquals(List.of(vrmPrefix + "model.vrm", vrmPrefix + "thumb.png"), store().list(vrmPrefix),
                "a stored skinned VRM is drawn too");
        assertTrue(Arrays.equals(io.anim3d.render.scene.CharacterThumbnail.png(
                io.anim3d.formats.gltf.GlbCharacterReader.read(bytes(VRM_SKINNED), "model"), 256),
                store().readAllBytes(vrmPrefix + "thumb.png")), "the VRM's drawing");
    }

    @Test
    void stockThumbnailsAreDrawnOnceStoredAndRepaired() throws Exception {
        ApiServerTest.ok(get("/character/listModels?searchToken=nothing-matches&stockModel=1", aliceCookie), "filtered list");
        assertEquals(List.of(), store().list("stock/"), "stock characters filtered out are not drawn");
        JsonNode first = list(aliceCookie, "?stockModel=1");
        List<String> keys = new ArrayList<>();
        for (String name : ProcessParams.STOCK_CHARACTERS) {
            keys.add("stock/thumbs/" + name + ".png");
        }
        assertEquals(keys.stream().sorted().toList(), store().list("stock/"), "one PNG per stock character");
        Map<String, Instant> written = new HashMap<>();
        for (String key : keys) {
            written.put(key, store().lastModified(key));
        }
        list(aliceCookie, "?stockModel=1");
        for (String key : keys) {
            assertEquals(written.get(key), store().lastModified(key), key + ": a second listing must reuse the picture");
        }
        assertEquals(ProcessParams.STOCK_CHARACTERS.size(), first.size());

        // Another client shares them; a deleted or damaged picture is drawn again.
        Credentials bob = clients.create("bob");
        String bobCookie = "dmsess=" + login(bob);
        store().delete(keys.get(0));
        assertStockThumbLink(list(bobCookie, "?modelId=" + ProcessParams.STOCK_CHARACTERS.get(0)).get(0).path("thumb").asText(),
                ProcessParams.STOCK_CHARACTERS.get(0));
        store().putBytes(keys.get(1), "damaged".getBytes(StandardCharsets.UTF_8));
        restart(config());
        assertStockThumbLink(list(aliceCookie, "?modelId=" + ProcessParams.STOCK_CHARACTERS.get(1)).get(0).path("thumb").asText(),
                ProcessParams.STOCK_CHARACTERS.get(1));

        // Concurrent first requests of a fresh process leave whole pictures and no temporary files.
        store().deletePrefix("stock/");
        restart(config());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> lists = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String cookie = i % 2 == 0 ? aliceCookie : bobCookie;
                lists.add(pool.submit(() -> list(cookie, "?stockModel=all")));
            }
            for (Future<JsonNode> f : lists) {
                f.get().forEach(m -> assertFalse(m.path("thumb").asText().isEmpty(), "every stock entry has a thumb: " + m));
            }
        } finally {
            pool.shutdownNow();
        }
        for (String name : ProcessParams.STOCK_CHARACTERS) {
            assertStockThumbLink(list(aliceCookie, "?modelId=" + name).get(0).path("thumb").asText(), name);
        }
        try (Stream<Path> files = Files.list(store().root().resolve("stock/thumbs"))) {
            assertEquals(keys.stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "only the pictures, no temporary files");
        }
    }

    @Test
    void atMostOneHundredModelsPerClient() throws IOException {
        JsonNode urls = uploadUrls(aliceCookie, "name=last&modelExt=vrm");
        put(urls.path("modelUrl").asText(), bytes(VRM_SKINNED));
        CharacterStore rows = new CharacterStore(db);
        CharacterFacts facts = new CharacterFacts("vrm", "vrm", 17, true, true);
        for (int i = 0; i < CharacterService.MAX_MODELS_PER_CLIENT; i++) {
            String id = String.format(Locale.ROOT, "%032x", i);
            assertTrue(rows.insert(new StoredCharacter(id, alice.clientId(), Optional.empty(), "m" + i, "models/" + alice.clientId() + "/" + id
                    + "/model.vrm", 100, Optional.empty(), facts, i, i), CharacterService.MAX_MODELS_PER_CLIENT), "row " + i);
        }
        Http.Answer more = get("/character/getModelUploadUrl?modelExt=vrm", aliceCookie);
        ApiServerTest.refused(more, 400, "getModelUploadUrl at the limit");
        assertTrue(more.json().path("message").asText().contains("100"), "names the limit: " + more.body());
        ApiServerTest.refused(store(aliceCookie, body("modelUrl", urls.path("modelUrl").asText())), 400, "storeModel at the limit");
        assertEquals(List.of(), store().list("models/"), "nothing stored at the limit");
        assertEquals(100, list(aliceCookie, "").size(), "all 100 are listed");

        Credentials bob = clients.create("bob");
        uploadUrls("dmsess=" + login(bob), "modelExt=vrm"); // the limit is per client

        ApiServerTest.ok(delete(String.format(Locale.ROOT, "%032x", 7), aliceCookie), "delete one");
        storeOk(aliceCookie, body("modelUrl", urls.path("modelUrl").asText()));
        assertEquals(100, rows.count(alice.clientId()), "back at the limit");
    }

    @Test
    void searchTokenAndModelIdFilterTheList() throws IOException {
        String hero = storedModel(aliceCookie, "Hero Alpha", "vrm", bytes(VRM_SKINNED));
        storedModel(aliceCookie, "villain", "vrm", bytes(VRM_SKINNED));
        assertEquals(List.of(hero), ids(list(aliceCookie, "?searchToken=hero")), "case-insensitive substring");
        assertEquals(List.of(hero), ids(list(aliceCookie, "?searchToken=O%20AL")), "substring with a space, other case");
        assertEquals(List.of(), ids(list(aliceCookie, "?searchToken=zzz")), "no match");
        List<String> males = ProcessParams.STOCK_CHARACTERS.stream().filter(s -> s.contains("male")).toList();
        assertEquals(males, ids(list(aliceCookie, "?stockModel=1&searchToken=MALE")), "search covers the stock characters");
        assertEquals(List.of(hero), ids(list(aliceCookie, "?modelId=" + hero)), "one model by id");
        assertEquals(List.of("male-young"), ids(list(aliceCookie, "?modelId=male-young")), "a stock character by id");
        ApiServerTest.refused(get("/character/listModels?modelId=0123456789abcdef0123456789abcdef", aliceCookie), 404,
                "an unknown modelId");
        ApiServerTest.refused(get("/character/listModels?searchToken=" + "s".repeat(201), aliceCookie), 400,
                "a 201-character searchToken");
    }

    @Test
    void remoteModelUrlsOnlyWhenAllowedAndOnlyToCheckedTargets() throws IOException {
        byte[] model = bytes(VRM_SKINNED);
        HttpServer remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/files/hero.vrm", ex -> {
            ex.sendResponseHeaders(200, model.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(model);
            }
        });
        remote.createContext("/chunked/hero.vrm", ex -> {
            ex.sendResponseHeaders(200, 0); // unknown length: chunked transfer coding
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < model.length; i += 1000) {
                    out.write(model, i, Math.min(1000, model.length - i));
                    out.flush();
                }
            }
        });
        remote.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere.vrm");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        remote.start();
        try {
            String base = "http://127.0.0.1:" + remote.getAddress().getPort();
            Http.Answer off = store(aliceCookie, body("modelUrl", base + "/files/hero.vrm"));
            ApiServerTest.refused(off, 400, "a remote URL by default");
            assertTrue(off.json().path("message").asText().contains("remote model URLs are disabled on this server"), off.body());

            restart(config().withAllowRemoteUrls(true));
            Http.Answer loopback = store(aliceCookie, body("modelUrl", base + "/files/hero.vrm"));
            ApiServerTest.refused(loopback, 400, "a loopback URL while private targets are not allowed");
            assertTrue(loopback.json().path("message").asText().contains("loopback"), loopback.body());
            assertNothingStored("refused remote URLs");

            restart(config().withAllowRemoteUrls(true).withAllowPrivateTargets(true));
            String fixed = storeOk(aliceCookie, body("modelUrl", base + "/files/hero.vrm?token=secret", "modelName", "Remote"));
            String chunked = storeOk(aliceCookie, body("modelUrl", base + "/chunked/hero.vrm"));
            for (String id : List.of(fixed, chunked)) {
                assertTrue(Arrays.equals(model, store().readAllBytes("models/" + alice.clientId() + "/" + id + "/model.vrm")),
                        "downloaded bytes of " + id);
            }
            Http.Answer moved = store(aliceCookie, body("modelUrl", base + "/moved"));
            ApiServerTest.refused(moved, 400, "a redirect");
            assertTrue(moved.json().path("message").asText().contains("redirects"), moved.body());
            Http.Answer missing = store(aliceCookie, body("modelUrl", base + "/nothing-here.vrm"));
            ApiServerTest.refused(missing, 400, "a 404 from the remote server");
            assertTrue(missing.json().path("message").asText().contains("HTTP 404"), missing.body());
            assertEquals(List.of(), store().list("uploads/" + alice.clientId()), "downloads are not left behind as uploads");
            assertEquals(2, list(aliceCookie, "").size());
        } finally {
            remote.stop(0);
        }
    }

    @Test
    void everyCharacterEndpointNeedsCredentials() {
        String[][] calls = {{"GET", "/character/getModelUploadUrl?modelExt=fbx"}, {"GET", "/character/listModels"},
            {"POST", "/character/storeModel"}, {"DELETE", "/character/deleteModel/abc"}};
        for (String[] c : calls) {
            Http.Answer a = BlobHttp.send(c[0], "http://127.0.0.1:" + port + c[1],
                    BlobHttp.bytes("{}".getBytes(StandardCharsets.UTF_8)), "Content-Type", "application/json").asJson();
            ApiServerTest.refused(a, 401, c[0] + " " + c[1] + " without credentials");
        }
    }

    // ---- helpers ----

    private static byte[] bytes(String testdata) throws IOException {
        return Files.readAllBytes(SharedTestData.testdata(testdata));
    }

    private Http.Answer get(String pathAndQuery, String cookie) {
        return Http.get(port, pathAndQuery, "Cookie", cookie);
    }

    private JsonNode uploadUrls(String cookie, String query) {
        return ApiServerTest.ok(get("/character/getModelUploadUrl?" + query, cookie), "getModelUploadUrl?" + query).json();
    }

    private JsonNode list(String cookie, String query) {
        JsonNode root = ApiServerTest.ok(get("/character/listModels" + query, cookie), "listModels" + query).json();
        assertTrue(root.path("list").isArray(), "listModels answers {\"list\": [...]}: " + root);
        return root.path("list");
    }

    private Http.Answer store(String cookie, String body) {
        return BlobHttp.send("POST", "http://127.0.0.1:" + port + "/character/storeModel",
                BlobHttp.bytes(body.getBytes(StandardCharsets.UTF_8)), "Content-Type", "application/json", "Cookie", cookie).asJson();
    }

    private String storeOk(String cookie, String body) {
        JsonNode j = ApiServerTest.ok(store(cookie, body), "storeModel " + body).json();
        assertTrue(j.path("modelId").isTextual(), "modelId is a string: " + j);
        return j.path("modelId").asText();
    }

    private Http.Answer delete(String id, String cookie) {
        return BlobHttp.send("DELETE", "http://127.0.0.1:" + port + "/character/deleteModel/" + id, BlobHttp.none(),
                "Cookie", cookie).asJson();
    }

    /** getModelUploadUrl, PUT the model, storeModel without thumbnail; returns the id. */
    private String storedModel(String cookie, String name, String ext, byte[] model) {
        JsonNode urls = uploadUrls(cookie, "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&modelExt=" + ext);
        put(urls.path("modelUrl").asText(), model);
        return storeOk(cookie, body("modelUrl", urls.path("modelUrl").asText()));
    }

    private static void put(String url, byte[] bytes) {
        BlobHttp.Answer a = BlobHttp.send("PUT", url, BlobHttp.bytes(bytes), "Content-Type", "application/octet-stream");
        assertEquals(200, a.status(), "PUT to " + url + ": " + a);
    }

    /** The GCS protocol: POST with x-goog-resumable: start, then PUT the bytes to the Location. */
    private static void putResumable(String url, byte[] bytes) {
        BlobHttp.Answer start = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start");
        assertEquals(201, start.status(), "resumable start: " + start);
        BlobHttp.Answer a = BlobHttp.send("PUT", start.header("Location"), BlobHttp.bytes(bytes));
        assertEquals(200, a.status(), "PUT to the session URL: " + a);
    }

    /** A JSON object from name, value pairs; a null value is sent as JSON null. */
    private static String body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.path("id").asText()));
        return out;
    }

    /** A signed GET link of this server for the model's thumbnail that the server's signer accepts. */
    private void assertThumbLink(String url, String id, String ext) {
        URI uri = URI.create(url);
        String path = "/blob/models/" + alice.clientId() + "/" + id + "/thumb." + ext;
        assertEquals(path, uri.getRawPath(), "thumb link path: " + url);
        assertTrue(url.startsWith("http://localhost:" + port + "/"), "thumb link on the public base URL: " + url);
        Map<String, String> query = new HashMap<>();
        for (String p : uri.getRawQuery().split("&")) {
            int eq = p.indexOf('=');
            query.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertTrue(server.context().signer().verify("GET", path, query).ok(), "thumb link must verify for GET: " + url);
        assertFalse(server.context().signer().verify("PUT", path, query).ok(), "thumb link must not allow PUT: " + url);
        BlobHttp.Answer download = BlobHttp.send("GET", url, BlobHttp.none());
        assertEquals(200, download.status(), "thumb link downloads without a cookie: " + download.status());
        assertEquals(ext.equals("png") ? "image/png" : "image/jpeg", download.header("Content-Type"), "thumb type");
    }

    /**
     * A signed GET link of this server for a stock character's thumbnail that downloads, without a
     * cookie, the renderer's picture of that character.
     */
    private void assertStockThumbLink(String url, String name) {
        URI uri = URI.create(url);
        String path = "/blob/stock/thumbs/" + name + ".png";
        assertEquals(path, uri.getRawPath(), name + ": stock thumb link path: " + url);
        assertTrue(url.startsWith("http://localhost:" + port + "/"), "stock thumb link on the public base URL: " + url);
        HttpResponse<byte[]> download = download(url);
        assertEquals(200, download.statusCode(), name + ": stock thumb link downloads without a cookie");
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""), name + ": stock thumb type");
        byte[] expected = STOCK_THUMBS.computeIfAbsent(name, n -> CharacterThumbnail.png(StockCharacters.create(n, false)));
        assertTrue(Arrays.equals(expected, download.body()), name + ": the stock thumb is the renderer's picture ("
                + download.body().length + " bytes, expected " + expected.length + ")");
        BlobHttp.Answer forged = BlobHttp.send("GET", url.replace(name + ".png", "x" + name + ".png"), BlobHttp.none());
        assertEquals(403, forged.status(), name + ": the signature covers the key: " + forged.status());
    }

    /** GET without a cookie, the body as bytes. */
    private static HttpResponse<byte[]> download(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void assertNothingStored(String what) throws IOException {
        assertEquals(List.of(), store().list("models/"), what + ": no model files");
        assertEquals(0, new CharacterStore(db).count(alice.clientId()), what + ": no rows");
    }
}
