package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole server (API + one job worker) on a free port in a temporary data directory, with
 * clients logged in, and the HTTP steps of the API that tests combine.
 */
final class JobFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final Path dir;
    final Database db;
    final ClientStore clients;
    final Credits credits;
    final Service service;
    final int port;

    JobFixture(Path dir) {
        this(dir, new ServerConfig(dir, 0, Duration.ofMinutes(60), BigDecimal.ONE));
    }

    JobFixture(Path dir, ServerConfig config) {
        this.dir = dir;
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        credits = new Credits(db, clock);
        service = Service.start(ApiServer.context(config, db, clients, credits, clock), true);
        port = service.port();
    }

    @Override
    public void close() {
        service.close();
        db.close();
    }

    /** A client with credits, logged in. */
    User user(String name, String credits) {
        Credentials c = clients.create(name);
        if (new BigDecimal(credits).signum() > 0) {
            this.credits.grant(c.clientId(), new BigDecimal(credits).movePointRight(3).longValueExact(), "test");
        }
        Http.Answer a = Http.get(port, "/session/auth", "Authorization", Http.basic(c.clientId(), c.secret()));
        assertEquals(200, a.status(), "session/auth: " + a);
        String first = a.setCookies().get(0);
        return new User(c, first.substring(0, first.indexOf(';')));
    }

    record User(Credentials credentials, String cookie) {
        String id() {
            return credentials.clientId();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    BlobHttp.Answer get(User u, String path) {
        return BlobHttp.send("GET", url(path), BlobHttp.none(), "Cookie", u.cookie());
    }

    JsonNode ok(BlobHttp.Answer a, String what) {
        assertEquals(200, a.status(), what + ": " + a);
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/json"), what + " content type " + a);
        return a.asJson().json();
    }

    BlobHttp.Answer postJson(User u, String path, String json) {
        return BlobHttp.send("POST", url(path), BlobHttp.bytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "Cookie", u.cookie(), "Content-Type", "application/json");
    }

    /** GET /upload then a plain PUT of the file; returns the upload URL. */
    String upload(User u, Path file) throws IOException {
        String url = ok(get(u, "/upload?name=" + file.getFileName() + "&resumable=0"), "GET /upload").path("url").asText();
        BlobHttp.Answer put = BlobHttp.send("PUT", url, BlobHttp.bytes(Files.readAllBytes(file)),
                "Content-Type", "application/octet-stream");
        assertEquals(200, put.status(), "PUT upload: " + put);
        return url;
    }

    /**
     * GET /upload?resumable=1, then the Google-style resumable protocol: POST start, PUT in chunks
     * of {@code chunk} bytes with Content-Range (308 until the last), as browser clients upload.
     */
    String uploadResumable(User u, Path file, int chunk) throws IOException {
        String url = ok(get(u, "/upload?name=" + file.getFileName() + "&resumable=1"), "GET /upload").path("url").asText();
        BlobHttp.Answer start = BlobHttp.send("POST", url, BlobHttp.none(), "x-goog-resumable", "start");
        assertEquals(201, start.status(), "resumable start: " + start);
        String session = start.header("Location");
        byte[] bytes = Files.readAllBytes(file);
        for (int from = 0; from < bytes.length; from += chunk) {
            int to = Math.min(bytes.length, from + chunk);
            BlobHttp.Answer a = BlobHttp.send("PUT", session, BlobHttp.bytes(java.util.Arrays.copyOfRange(bytes, from, to)),
                    "Content-Range", "bytes " + from + "-" + (to - 1) + "/" + bytes.length);
            assertEquals(to == bytes.length ? 200 : 308, a.status(), "chunk " + from + "-" + (to - 1) + ": " + a);
        }
        return url;
    }

    BlobHttp.Answer process(User u, String urlOrRidMember, String value, String... params) {
        List<String> p = new ArrayList<>(List.of(params));
        String body = "{\"" + urlOrRidMember + "\": " + quote(value) + ", \"processor\": \"video2anim\", \"params\": "
                + toJson(p) + "}";
        return postJson(u, "/process", body);
    }

    String submit(User u, String urlOrRidMember, String value, String... params) {
        JsonNode a = ok(process(u, urlOrRidMember, value, params), "POST /process");
        String rid = a.path("rid").asText("");
        assertTrue(!rid.isEmpty(), "no rid in " + a);
        return rid;
    }

    /** Polls /status every 250 ms until the job is SUCCESS or FAILURE; checks PROGRESS details on the way. */
    JsonNode await(User u, String rid, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = ok(get(u, "/status/" + rid), "GET /status");
            assertEquals(1, s.path("count").asInt(), "count in " + s);
            JsonNode entry = s.path("status").get(0);
            String status = entry.path("status").asText();
            switch (status) {
                case "SUCCESS", "FAILURE" -> {
                    return entry;
                }
                case "PROGRESS" -> {
                    JsonNode d = entry.path("details");
                    assertTrue(d.path("step").isNumber() && d.path("total").isNumber() && d.path("total").asInt() > 0,
                            "PROGRESS details need numeric step and total > 0: " + entry);
                    assertTrue(d.path("step").asInt() <= d.path("total").asInt(), "step beyond total: " + entry);
                }
                default -> fail("status must be PROGRESS, SUCCESS or FAILURE: " + entry);
            }
            Thread.sleep(250);
        }
        fail("job " + rid + " did not finish within " + timeout);
        return null;
    }

    static byte[] download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "GET " + url);
        return r.body();
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
