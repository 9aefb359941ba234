package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.characters.CharacterFacts;
import io.anim3d.server.characters.CharacterRoutes;
import io.anim3d.server.characters.CharacterService;
import io.anim3d.server.characters.CharacterStore;
import io.anim3d.server.characters.StoredCharacter;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sub-users ({@code x-useruid}) over real HTTP, with alice acting as herself ("all") and as her
 * sub-users u1 and u2: who lists, finds, renames and deletes which custom character, through
 * sessions opened with the header and through Basic credentials with the header on the request;
 * invalid ids; a header that contradicts the session; secret rotation; the per-client limit.
 */
class SubUserApiTest extends UploadFixture {
    static final String VRM = "characters/vrm/pose_rotation_scale_shape_key_skinned.vrm";

    byte[] model;
    /** Cookie headers of alice's three sessions. */
    String all;
    String u1;
    String u2;

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

    @BeforeEach
    void sessions() throws IOException {
        model = Files.readAllBytes(SharedTestData.testdata(VRM));
        all = aliceCookie;
        u1 = "dmsess=" + login(alice, "u1");
        u2 = "dmsess=" + login(alice, "u2");
    }

    @Test
    void eachSessionSeesTheSharedCharactersAndItsOwn() {
        String shared = stored("Shared", "Cookie", all);
        clock.advance(Duration.ofSeconds(1));
        String ones = stored("One's", "Cookie", u1);
        clock.advance(Duration.ofSeconds(1));
        String twos = stored("Two's", "Cookie", u2);

        assertEquals(List.of(shared), ids(list("", "Cookie", all)), "the whole client: shared only");
        assertEquals(List.of(ones, shared), ids(list("", "Cookie", u1)), "u1: its own and the shared, newest first");
        assertEquals(List.of(twos, shared), ids(list("", "Cookie", u2)), "u2: its own and the shared");
        assertEquals(List.of(ones, shared), ids(list("?stockModel=0&searchToken=s", "Cookie", u1)), "searchToken on u1's view");

        Map<String, String> sessions = sessionsByName();
        Map<String, String> models = new LinkedHashMap<>();
        models.put("shared", shared);
        models.put("u1's", ones);
        models.put("u2's", twos);
        // listModels?modelId: 200 when the session sees the model, else 404.
        int[][] find = {{200, 404, 404}, {200, 200, 404}, {200, 404, 200}};
        // storeModel {modelId} (rename): 200 for the owner, 400 for a sub-user on a shared one, else 404.
        int[][] rename = {{200, 404, 404}, {400, 200, 404}, {400, 404, 200}};
        int row = 0;
        for (Map.Entry<String, String> s : sessions.entrySet()) {
            int col = 0;
            for (Map.Entry<String, String> m : models.entrySet()) {
                String what = s.getKey() + " on " + m.getKey();
                expect(find[row][col], get("/character/listModels?modelId=" + m.getValue(), "Cookie", s.getValue()),
                        what + ": listModels?modelId");
                expect(rename[row][col], store("{\"modelId\": \"" + m.getValue() + "\", \"modelName\": \"by " + s.getKey()
                        + "\"}", "Cookie", s.getValue()), what + ": rename");
                col++;
            }
            row++;
        }
        assertEquals("by all", name(list("?modelId=" + shared, "Cookie", u2)), "only the whole client renamed the shared one");
        assertEquals("by u1", name(list("?modelId=" + ones, "Cookie", u1)), "u1 renamed its own");
        assertEquals("by u2", name(list("?modelId=" + twos, "Cookie", u2)), "u2 renamed its own");
        Http.Answer refusal = store("{\"modelId\": \"" + shared + "\", \"modelName\": \"x\"}", "Cookie", u1);
        assertTrue(refusal.json().path("message").asText().contains("without the x-useruid header"),
                "the 400 says where to rename it: " + refusal.body());

        // Deletes: every refused one first (nothing may go), then each owner deletes its own.
        expect(404, delete(ones, "Cookie", all), "the whole client deleting u1's");
        expect(404, delete(ones, "Cookie", u2), "u2 deleting u1's");
        expect(404, delete(twos, "Cookie", u1), "u1 deleting u2's");
        expect(400, delete(shared, "Cookie", u1), "u1 deleting the shared one");
        expect(400, delete(shared, "Cookie", u2), "u2 deleting the shared one");
        assertEquals(3, new CharacterStore(db).count(alice.clientId()), "refused deletes removed nothing");
        assertTrue(store().exists(modelKey(ones)), "u1's file kept");
        for (String[] d : new String[][] {{ones, u1}, {twos, u2}, {shared, all}}) {
            assertEquals(1, expect(200, delete(d[0], "Cookie", d[1]), "owner deleting " + d[0]).json().path("count").asInt());
            assertFalse(store().exists(modelKey(d[0])), "files of " + d[0] + " deleted");
        }
        assertEquals(0, new CharacterStore(db).count(alice.clientId()));
    }

    @Test
    void basicCredentialsWithTheHeaderActForTheSubUser() {
        String basic = Http.basic(alice.clientId(), alice.secret());
        String viaBasic = stored("Basic u1", "Authorization", basic, "x-useruid", "u1");
        assertEquals(List.of(viaBasic), ids(list("", "Cookie", u1)), "stored with Basic + header: u1's session sees it");
        assertEquals(List.of(viaBasic), ids(list("", "Authorization", basic, "x-useruid", "u1")), "Basic + u1 sees it");
        assertEquals(List.of(), ids(list("", "Cookie", all)), "the whole client's session does not");
        assertEquals(List.of(), ids(list("", "Authorization", basic)), "Basic without header does not");
        expect(404, get("/character/listModels?modelId=" + viaBasic, "Authorization", basic, "x-useruid", "u2"), "Basic + u2");

        clock.advance(Duration.ofSeconds(1)); // newest first: a later ctime, not an id tie-break
        String viaBasicShared = stored("Basic shared", "Authorization", basic);
        assertEquals(List.of(viaBasicShared, viaBasic), ids(list("", "Cookie", u1)), "a Basic store without header is shared");
        // A bad cookie next to good Basic: Basic decides, and so does the request's header.
        String stale = "dmsess=" + u1.substring("dmsess=".length() + 1);
        assertEquals(List.of(viaBasicShared), ids(list("", "Cookie", stale, "Authorization", basic, "x-useruid", "u2")),
                "stale cookie, Basic + u2");
        expect(200, delete(viaBasic, "Authorization", basic, "x-useruid", "u1"), "Basic + u1 deletes u1's");
    }

    @Test
    void aSessionsSubUserCannotBeChangedByAHeader() {
        String ones = stored("One's", "Cookie", u1);
        assertEquals(List.of(ones), ids(list("", "Cookie", u1, "x-useruid", "u1")), "the header may repeat the session's");
        Http.Answer other = get("/character/listModels", "Cookie", u1, "x-useruid", "u2");
        expect(400, other, "u1's session with x-useruid u2");
        String message = other.json().path("message").asText();
        assertTrue(message.contains("'u1'") && message.contains("'u2'") && message.contains("/session/auth"),
                "names both and the way out: " + message);
        expect(400, get("/character/listModels", "Cookie", all, "x-useruid", "u1"), "the whole client's session with x-useruid u1");
        // The same holds on every authenticated route, not just the characters.
        expect(400, get("/account/creditBalance", "Cookie", u1, "x-useruid", "u2"), "creditBalance, u1's session with u2");
        expect(200, get("/account/creditBalance", "Cookie", u1), "creditBalance in u1's session");
    }

    @Test
    void invalidUserUidsAre400WithAMessage() {
        String basic = Http.basic(alice.clientId(), alice.secret());
        String[] bad = {"", " ", "a|b", "x".repeat(129), "has space", "a/b", "a;b", "caf\u00e9", "a,b", "\"q\""};
        for (String v : bad) {
            String what = "x-useruid '" + v + "'";
            Http.Answer auth = get("/session/auth", "Authorization", basic, "x-useruid", v);
            expect(400, auth, what + " on /session/auth");
            assertEquals(List.of(), auth.setCookies(), what + ": no cookie set");
            String message = auth.json().path("message").asText();
            assertTrue(message.contains("x-useruid") && message.contains("128"), what + ": says what is allowed: " + message);
            expect(400, get("/character/listModels", "Authorization", basic, "x-useruid", v), what + " with Basic");
        }
        expect(401, get("/session/auth", "Authorization", Http.basic(alice.clientId(), "wrong"), "x-useruid", "a|b"),
                "wrong secret and a bad header: the credentials are checked first");
        expect(200, get("/session/auth", "Authorization", basic, "x-useruid", "x".repeat(128)), "128 characters");
        expect(200, get("/session/auth", "Authorization", basic, "x-useruid", "Alice.Ox+tag@ex-1.com:u_1"),
                "every allowed punctuation");
        Http.Answer twice = BlobHttp.send("GET", "http://127.0.0.1:" + port + "/character/listModels", BlobHttp.none(),
                "Authorization", basic, "x-useruid", "u1", "x-useruid", "u2").asJson();
        expect(400, twice, "two headers naming different sub-users");
        expect(200, BlobHttp.send("GET", "http://127.0.0.1:" + port + "/character/listModels", BlobHttp.none(),
                "Authorization", basic, "x-useruid", "u1", "x-useruid", "u1").asJson(), "the same sub-user twice");
    }

    @Test
    void subUserIdsAreCaseSensitive() {
        String upper = "dmsess=" + login(alice, "U1");
        String ones = stored("One's", "Cookie", u1);
        assertEquals(List.of(), ids(list("", "Cookie", upper)), "U1 is not u1");
        expect(404, delete(ones, "Cookie", upper), "U1 deleting u1's");
    }

    @Test
    void aSubUsersSessionEndsWhenTheSecretIsRotated() {
        String ones = stored("One's", "Cookie", u1);
        clock.advance(Duration.ofMillis(1));
        Credentials rotated = clients.rotateSecret(alice.clientId());
        expect(401, get("/character/listModels", "Cookie", u1), "u1's session opened before the rotation");
        expect(401, get("/character/listModels", "Cookie", u1, "x-useruid", "u1"), "the same with the header");
        String after = "dmsess=" + login(rotated, "u1");
        assertEquals(List.of(ones), ids(list("", "Cookie", after)), "a new u1 session finds u1's character");
    }

    @Test
    void cookiesOfThePreviousFormatAreSessionsOfTheWholeClient() throws GeneralSecurityException {
        String shared = stored("Shared", "Cookie", all);
        stored("One's", "Cookie", u1);
        long expiry = clock.instant().getEpochSecond() + 600;
        String v2 = "dmsess=" + signed("v2|" + alice.clientId() + "|" + clock.millis() + "|" + expiry);
        assertEquals(List.of(shared), ids(list("", "Cookie", v2)), "a v2 cookie sees what the whole client sees");
        expect(400, get("/character/listModels", "Cookie", v2, "x-useruid", "u1"), "and cannot become u1's");
    }

    @Test
    void theLimitCountsEverySubUser() {
        CharacterStore rows = new CharacterStore(db);
        CharacterFacts facts = new CharacterFacts("vrm", "vrm", 17, true, true);
        for (int i = 0; i < CharacterService.MAX_MODELS_PER_CLIENT; i++) {
            String id = String.format(Locale.ROOT, "%032x", i);
            Optional<String> owner = i % 2 == 0 ? Optional.of("u2") : Optional.empty();
            assertTrue(rows.insert(new StoredCharacter(id, alice.clientId(), owner, "m" + i, "models/" + alice.clientId()
                    + "/" + id + "/model.vrm", 100, Optional.empty(), facts, i, i), CharacterService.MAX_MODELS_PER_CLIENT));
        }
        assertEquals(50, list("", "Cookie", u1).size(), "u1 sees the 50 shared ones");
        Http.Answer full = get("/character/getModelUploadUrl?modelExt=vrm", "Cookie", u1);
        expect(400, full, "u1 asking for upload URLs with 100 characters in the client");
        assertTrue(full.json().path("message").asText().contains("sub-users"), "says that sub-users count: " + full.body());
    }

    // ---- helpers ----

    String login(Credentials c, String subUser) {
        Http.Answer a = expect(200, Http.get(port, "/session/auth", "Authorization", Http.basic(c.clientId(), c.secret()),
                "x-useruid", subUser), "session/auth as " + subUser);
        String first = a.setCookies().get(0);
        return first.substring("dmsess=".length(), first.indexOf(';'));
    }

    private Map<String, String> sessionsByName() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("all", all);
        m.put("u1", u1);
        m.put("u2", u2);
        return m;
    }

    private static Http.Answer expect(int status, Http.Answer a, String what) {
        if (status == 200) {
            return ApiServerTest.ok(a, what);
        }
        ApiServerTest.refused(a, status, what);
        return a;
    }

    private Http.Answer get(String pathAndQuery, String... headers) {
        return Http.get(port, pathAndQuery, headers);
    }

    private JsonNode list(String query, String... headers) {
        JsonNode root = expect(200, get("/character/listModels" + query, headers), "listModels" + query).json();
        return root.path("list");
    }

    private Http.Answer store(String body, String... headers) {
        return BlobHttp.send("POST", "http://127.0.0.1:" + port + "/character/storeModel",
                BlobHttp.bytes(body.getBytes(StandardCharsets.UTF_8)), with(headers, "Content-Type", "application/json"))
                .asJson();
    }

    private Http.Answer delete(String id, String... headers) {
        return BlobHttp.send("DELETE", "http://127.0.0.1:" + port + "/character/deleteModel/" + id, BlobHttp.none(), headers)
                .asJson();
    }

    /** getModelUploadUrl, PUT the VRM, storeModel with this name, all with these headers; returns the id. */
    private String stored(String name, String... headers) {
        JsonNode urls = expect(200, get("/character/getModelUploadUrl?modelExt=vrm", headers), "getModelUploadUrl").json();
        String url = urls.path("modelUrl").asText();
        BlobHttp.Answer put = BlobHttp.send("PUT", url, BlobHttp.bytes(model), "Content-Type", "application/octet-stream");
        assertEquals(200, put.status(), "PUT " + url + ": " + put);
        Http.Answer a = expect(200, store("{\"modelUrl\": \"" + url + "\", \"modelName\": \"" + name + "\"}", headers),
                "storeModel " + name);
        return a.json().path("modelId").asText();
    }

    private String modelKey(String id) {
        return "models/" + alice.clientId() + "/" + id + "/model.vrm";
    }

    /** A cookie value signed with this data directory's session key, as an older server would have issued it. */
    private String signed(String payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SessionKey.loadOrCreate(dir), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString((payload + "|" + sig).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] with(String[] headers, String... more) {
        String[] out = new String[headers.length + more.length];
        System.arraycopy(headers, 0, out, 0, headers.length);
        System.arraycopy(more, 0, out, headers.length, more.length);
        return out;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.path("id").asText()));
        return out;
    }

    private static String name(JsonNode list) {
        assertEquals(1, list.size(), "one model: " + list);
        return list.get(0).path("name").asText();
    }
}
