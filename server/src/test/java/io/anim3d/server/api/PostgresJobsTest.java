package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.TempPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaled-out layout on a real PostgreSQL server: an API-only process (0 workers) takes the
 * job, a separate worker-only process on the same database and blob store runs it, and the API
 * serves the result. (Two services in one JVM, sharing nothing but the database and the files.)
 */
class PostgresJobsTest {
    @TempDir
    Path dir;
    @TempDir
    Path pgDir;

    @Test
    void apiOnlyAndWorkerOnlyProcessesShareOneDatabase() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent() || "true".equals(System.getenv("CI")),
                "no PostgreSQL server installed");
        Clock clock = Clock.systemUTC();
        try (TempPostgres pg = TempPostgres.start(pgDir);
             Database apiDb = Database.open(pg.options());
             Database workerDb = Database.open(pg.options())) {
            Path data = dir.resolve("data");
            ServerConfig base = new ServerConfig(data, 0, Duration.ofMinutes(60), BigDecimal.ONE);
            ClientStore clients = new ClientStore(apiDb, clock, ClientStore.Options.defaults());
            Credits credits = new Credits(apiDb, clock);
            Credentials alice = clients.create("alice");
            credits.grant(alice.clientId(), 5_000, "test");
            try (Service api = Service.start(ApiServer.context(base.withWorkers(0), apiDb, clients, credits, clock), true);
                 Service worker = Service.start(Service.context(base.withWorkers(1), workerDb, clock), false)) {
                int port = api.port();
                String basic = Http.basic(alice.clientId(), alice.secret());
                String cookie = Http.get(port, "/session/auth", "Authorization", basic).setCookies().get(0).split(";")[0];
                String upload = Http.get(port, "/upload?name=clip.mp4", "Cookie", cookie).json().path("url").asText();
                assertEquals(200, BlobHttp.send("PUT", upload, BlobHttp.bytes(java.nio.file.Files.readAllBytes(JobsApiTest.VIDEO))).status());
                BlobHttp.Answer submitted = BlobHttp.send("POST", "http://127.0.0.1:" + port + "/process",
                        BlobHttp.bytes(("{\"url\": \"" + upload + "\", \"params\": [\"formats=bvh,glb\"]}").getBytes()),
                        "Cookie", cookie, "Content-Type", "application/json");
                assertEquals(200, submitted.status(), submitted.toString());
                String rid = submitted.asJson().json().path("rid").asText();
                JsonNode s = null;
                long end = System.nanoTime() + JobsApiTest.JOB_TIMEOUT.toNanos();
                while (System.nanoTime() < end) {
                    s = Http.get(port, "/status/" + rid, "Cookie", cookie).json().path("status").get(0);
                    if (!s.path("status").asText().equals("PROGRESS")) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertEquals("SUCCESS", s.path("status").asText(), "job run by the worker process: " + s);
                JsonNode link = Http.get(port, "/download/" + rid, "Cookie", cookie).json().path("links").get(0);
                byte[] glb = JobFixture.download(link.path("urls").get(0).path("files").get(1).path("glb").asText());
                assertTrue(glb.length > 1000 && glb[0] == 'g' && glb[1] == 'l', "a GLB from the worker, served by the API");
                assertEquals(5 - 0.067, Http.get(port, "/account/creditBalance", "Cookie", cookie).json()
                        .path("credits").asDouble(), 1e-9, "charged once");
            }
        }
    }
}
