package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A running server on a free port with one client (alice, logged in) and the real test video. */
abstract class UploadFixture {
    static final Path VIDEO = SharedTestData.testdata("videos/single/basketball_portrait.mp4");

    @TempDir
    Path dir;
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    Database db;
    ClientStore clients;
    Credits credits;
    ApiServer server;
    Credentials alice;
    String aliceCookie;
    int port;
    byte[] video;

    @BeforeEach
    void startServer() throws IOException {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        credits = new Credits(db, clock);
        alice = clients.create("alice");
        video = Files.readAllBytes(VIDEO);
        restart(config());
        aliceCookie = "dmsess=" + login(alice);
    }

    ServerConfig config() {
        return new ServerConfig(dir, 0, Duration.ofMinutes(60), java.math.BigDecimal.ONE);
    }

    void restart(ServerConfig config) {
        if (server != null) {
            server.stop();
        }
        server = new ApiServer(config, db, clients, credits, clock).start(0);
        port = server.port();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        db.close();
    }

    String login(Credentials c) {
        Http.Answer a = Http.get(port, "/session/auth", "Authorization", Http.basic(c.clientId(), c.secret()));
        assertEquals(200, a.status(), "session/auth: " + a);
        String first = a.setCookies().get(0);
        return first.substring("dmsess=".length(), first.indexOf(';'));
    }

    /** GET /upload with this raw (already URL-encoded) name and extra query; returns the signed URL. */
    String uploadUrl(String rawName, String extraQuery) {
        Http.Answer a = ApiServerTest.ok(Http.get(port, "/upload?name=" + rawName + extraQuery, "Cookie", aliceCookie),
                "GET /upload?name=" + rawName + extraQuery);
        String url = a.json().path("url").asText("");
        String prefix = "http://localhost:" + port + "/blob/uploads/" + alice.clientId() + "/";
        assertTrue(url.startsWith(prefix), "upload URL '" + url + "' does not start with " + prefix);
        return url;
    }

    String uploadUrl(String name) {
        return uploadUrl(URLEncoder.encode(name, StandardCharsets.UTF_8), "&resumable=0");
    }

    /** The blob key a signed URL points at. */
    static String keyOf(String url) {
        return URI.create(url).getRawPath().substring("/blob/".length());
    }

    /** A second view of the server's blob store (same directory; the store is safe across instances). */
    LocalBlobStore store() {
        try {
            return new LocalBlobStore(dir.resolve(ApiServer.BLOBS_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String displayName(String url) throws IOException {
        return new String(store().readAllBytes(UploadRoutes.nameKey(keyOf(url))), StandardCharsets.UTF_8);
    }
}
