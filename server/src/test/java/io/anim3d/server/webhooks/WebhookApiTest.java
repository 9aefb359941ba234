package io.anim3d.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ApiServer;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook endpoints over real HTTP on a free port against H2 in a temporary directory.
 * No test here sends an event: the URLs are stored and checked, never called (203.0.113.0/24 is a
 * documentation range that reaches nothing).
 */
class WebhookApiTest {
    static final String PUBLIC_URL = "http://203.0.113.10/hooks/anim3d";
    static final String OTHER_PUBLIC_URL = "https://203.0.113.11:8443/other?x=1";
    /** A loopback, a private, the cloud metadata, an IPv6 loopback and a name for loopback. */
    static final List<String> PRIVATE_URLS = List.of("http://127.0.0.1:9/hook", "http://10.1.2.3/hook",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/hook", "http://localhost/hook");

    @TempDir
    Path dir;
    Database db;
    ClientStore clients;
    Credentials alice;
    Credentials bob;
    ApiServer server;
    ApiCalls asAlice;
    ApiCalls asBob;

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        alice = clients.create("alice");
        bob = clients.create("bob");
    }

    /** Starts the API with the webhook module; private targets as given. */
    void start(boolean allowPrivateTargets) {
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(10), BigDecimal.ONE)
                .withAllowPrivateTargets(allowPrivateTargets);
        Clock clock = Clock.systemUTC();
        server = new ApiServer(config, db, clients, new Credits(db, clock), clock);
        server.add(new WebhookRoutes(server.context())).start(0);
        asAlice = new ApiCalls(server.port(), alice);
        asBob = new ApiCalls(server.port(), bob);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        db.close();
    }

    @Test
    void createRetrieveListUpdateDelete() {
        start(false);
        JsonNode created = asAlice.post("/webhook_endpoints",
                "{\"url\": \"  " + PUBLIC_URL + " \", \"events\": [\"job.completed\", \"job.completed\"]}").ok("create");
        String id = created.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), "id: " + created);
        assertEquals("webhook_endpoint", created.path("object").asText(), "object: " + created);
        assertEquals(PUBLIC_URL, created.path("url").asText(), "url is stored stripped: " + created);
        assertEquals("[\"job.completed\"]", created.path("events").toString(), "events without duplicates: " + created);
        String secret = created.path("secret").asText();
        assertTrue(secret.matches("whsec_[0-9a-f]{64}"), "secret of 256 random bits: " + created);

        JsonNode got = asAlice.get("/webhook_endpoints/" + id).ok("retrieve");
        assertEquals(id, got.path("id").asText());
        assertEquals("webhook_endpoint", got.path("object").asText());
        assertEquals(PUBLIC_URL, got.path("url").asText());
        assertEquals("[\"job.completed\"]", got.path("events").toString());
        assertFalse(got.has("secret"), "the secret is answered at creation only: " + got);

        JsonNode second = asAlice.create(OTHER_PUBLIC_URL);
        assertNotEquals(secret, second.path("secret").asText(), "each endpoint has its own secret");
        JsonNode list = asAlice.get("/webhook_endpoints").ok("list");
        assertEquals(2, list.path("count").asInt(-1), "count: " + list);
        assertTrue(list.path("count").isNumber(), "count is a JSON number: " + list);
        assertEquals(id, list.path("endpoints").path(0).path("id").asText(), "oldest first: " + list);
        assertEquals(second.path("id").asText(), list.path("endpoints").path(1).path("id").asText(), "list: " + list);
        assertFalse(list.toString().contains("whsec_"), "no secret in the list: " + list);

        JsonNode updated = asAlice.post("/webhook_endpoints/" + id, "{\"url\": \"" + OTHER_PUBLIC_URL + "\"}").ok("update url");
        assertEquals(OTHER_PUBLIC_URL, updated.path("url").asText(), "new url: " + updated);
        assertEquals("[\"job.completed\"]", updated.path("events").toString(), "events kept: " + updated);
        assertFalse(updated.has("secret"), "no secret on update: " + updated);
        updated = asAlice.post("/webhook_endpoints/" + id, "{\"events\": [\"job.completed\"], \"url\": null}").ok("update events");
        assertEquals(OTHER_PUBLIC_URL, updated.path("url").asText(), "url kept when null: " + updated);
        assertEquals(OTHER_PUBLIC_URL, asAlice.get("/webhook_endpoints/" + id).ok("retrieve").path("url").asText());

        JsonNode deleted = asAlice.delete("/webhook_endpoints/" + id).ok("delete");
        assertEquals(id, deleted.path("id").asText());
        assertEquals("webhook_endpoint", deleted.path("object").asText());
        assertTrue(deleted.path("deleted").isBoolean() && deleted.path("deleted").asBoolean(), "deleted: " + deleted);
        asAlice.get("/webhook_endpoints/" + id).refused(404, "retrieve after delete");
        asAlice.delete("/webhook_endpoints/" + id).refused(404, "delete twice");
        asAlice.post("/webhook_endpoints/" + id, "{\"url\": \"" + PUBLIC_URL + "\"}").refused(404, "update after delete");
        assertEquals(1, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt(), "one left");
    }

    @Test
    void privateTargetsAreRefusedAtCreateAndUpdateUnlessAllowed() {
        start(false);
        for (String url : PRIVATE_URLS) {
            String message = asAlice.post("/webhook_endpoints", "{\"url\": \"" + url + "\", \"events\": [\"job.completed\"]}")
                    .refused(400, "create " + url);
            assertTrue(message.contains("ANIM3D_ALLOW_PRIVATE_TARGETS"), "the message says how to allow it: " + message);
        }
        assertEquals(0, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt(), "nothing stored");

        String id = asAlice.create(PUBLIC_URL).path("id").asText();
        for (String url : PRIVATE_URLS) {
            asAlice.post("/webhook_endpoints/" + id, "{\"url\": \"" + url + "\"}").refused(400, "update to " + url);
            asAlice.post("/webhook_endpoints/" + id, "{\"url\": \"" + url + "\", \"events\": [\"job.completed\"]}")
                    .refused(400, "update to " + url + " with events");
        }
        assertEquals(PUBLIC_URL, asAlice.get("/webhook_endpoints/" + id).ok("retrieve").path("url").asText(),
                "the stored URL did not change");
    }

    @Test
    void privateTargetsAreAcceptedWhenTheOperatorAllowsThem() {
        start(true);
        for (String url : PRIVATE_URLS) {
            assertEquals(url, asAlice.create(url).path("url").asText(), "allowed: " + url);
        }
    }

    @Test
    void urlsThatAreNotHttpOrHaveNoHostAreRefused() {
        start(true);
        String[] bad = {"ftp://203.0.113.10/hook", "file:///etc/passwd", "/relative/hook", "http://", "http://user:pw@203.0.113.10/",
            "not a url", "", "http://203.0.113.10/" + "x".repeat(2100)};
        for (String url : bad) {
            asAlice.post("/webhook_endpoints", "{\"url\": " + ApiCalls.quote(url) + ", \"events\": [\"job.completed\"]}")
                    .refused(400, "url '" + url + "'");
        }
        asAlice.post("/webhook_endpoints", "{\"url\": 42, \"events\": [\"job.completed\"]}").refused(400, "url a number");
        assertEquals(0, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt(), "nothing stored");
    }

    @Test
    void eventsMustBeANonEmptyListOfKnownTypes() {
        start(false);
        String[] bad = {"[\"job.failed\"]", "[\"job.completed\", \"JOB.COMPLETED\"]", "[]", "\"job.completed\"",
            "[1]", "[null]", "{}", "[" + "\"job.completed\",".repeat(40) + "\"job.completed\"]"};
        for (String events : bad) {
            String message = asAlice.post("/webhook_endpoints", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": " + events + "}")
                    .refused(400, "events " + events);
            assertTrue(message.contains("\"job.completed\""), "the message names the known types: " + message);
        }
        String unknown = asAlice.post("/webhook_endpoints", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"job.failed\"]}")
                .refused(400, "unknown type");
        assertTrue(unknown.contains("'job.failed'"), "the message names the unknown type: " + unknown);

        String id = asAlice.create(PUBLIC_URL).path("id").asText();
        asAlice.post("/webhook_endpoints/" + id, "{\"events\": [\"video.uploaded\"]}").refused(400, "update to an unknown type");
        asAlice.post("/webhook_endpoints/" + id, "{\"events\": []}").refused(400, "update to no events");
        assertEquals("[\"job.completed\"]", asAlice.get("/webhook_endpoints/" + id).ok("get").path("events").toString());
        assertEquals(1, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt());
    }

    @Test
    void malformedBodiesAreRefusedWithAMessage() {
        start(false);
        String[] bad = {"", "   ", "{\"url\": ", "not json", "[1, 2]", "\"text\"", "{\"events\": [\"job.completed\"]}",
            "{\"url\": \"" + PUBLIC_URL + "\"}", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": null}",
            "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"job.completed\"], \"pad\": \"" + "p".repeat(20_000) + "\"}"};
        for (String body : bad) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "..." : body;
            asAlice.post("/webhook_endpoints", body).refused(400, "body '" + shown + "'");
        }
        String id = asAlice.create(PUBLIC_URL).path("id").asText();
        asAlice.post("/webhook_endpoints/" + id, "{}").refused(400, "update with nothing to change");
        asAlice.post("/webhook_endpoints/" + id, "{\"url\": null, \"events\": null}").refused(400, "update with only nulls");
        asAlice.post("/webhook_endpoints/" + id, "{oops").refused(400, "update with bad JSON");
        assertEquals(1, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt(), "only the good one stored");
    }

    @Test
    void aClientHasAtMostSixteenEndpoints() {
        start(false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WebhookRoutes.MAX_ENDPOINTS_PER_CLIENT; i++) {
            ids.add(asAlice.create(PUBLIC_URL + "/" + i).path("id").asText());
        }
        String message = asAlice.post("/webhook_endpoints", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"job.completed\"]}")
                .refused(400, "one too many");
        assertTrue(message.contains("16") && message.contains("DELETE"), "the message gives the limit and the way out: " + message);
        assertEquals(16, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt());
        asBob.create(PUBLIC_URL); // the limit is per client
        asAlice.delete("/webhook_endpoints/" + ids.get(3)).ok("delete one");
        asAlice.create(PUBLIC_URL + "/again");
        assertEquals(16, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt());
    }

    @Test
    void twoClientsCannotSeeOrChangeEachOthersEndpoints() {
        start(false);
        String id = asAlice.create(PUBLIC_URL).path("id").asText();
        asBob.create(OTHER_PUBLIC_URL);

        asBob.get("/webhook_endpoints/" + id).refused(404, "bob retrieves alice's");
        asBob.post("/webhook_endpoints/" + id, "{\"url\": \"" + OTHER_PUBLIC_URL + "\"}").refused(404, "bob updates alice's");
        asBob.post("/webhook_endpoints/" + id, "{}").refused(404, "bob's empty update of alice's: 404 before 400");
        asBob.delete("/webhook_endpoints/" + id).refused(404, "bob deletes alice's");
        JsonNode bobs = asBob.get("/webhook_endpoints").ok("bob's list");
        assertEquals(1, bobs.path("count").asInt(), "bob sees his own only: " + bobs);
        assertFalse(bobs.toString().contains(id), "alice's id not in bob's list: " + bobs);

        JsonNode alices = asAlice.get("/webhook_endpoints/" + id).ok("alice still has hers");
        assertEquals(PUBLIC_URL, alices.path("url").asText(), "unchanged by bob: " + alices);
        assertEquals(1, asAlice.get("/webhook_endpoints").ok("alice's list").path("count").asInt());
    }

    @Test
    void unknownIdsAndMissingCredentials() {
        start(false);
        for (String id : new String[] {"0123456789abcdef0123456789abcdef", "nothex", "x".repeat(300), "%27%20OR%201%3D1"}) {
            asAlice.get("/webhook_endpoints/" + id).refused(404, "retrieve " + id);
            asAlice.delete("/webhook_endpoints/" + id).refused(404, "delete " + id);
            asAlice.post("/webhook_endpoints/" + id, "{\"events\": [\"job.completed\"]}").refused(404, "update " + id);
        }
        ApiCalls nobody = ApiCalls.anonymous(server.port());
        nobody.get("/webhook_endpoints").refused(401, "list without credentials");
        nobody.post("/webhook_endpoints", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"job.completed\"]}")
                .refused(401, "create without credentials");
        assertEquals(0, asAlice.get("/webhook_endpoints").ok("list").path("count").asInt());
    }
}
