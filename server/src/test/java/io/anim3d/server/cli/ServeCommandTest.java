package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anim3d serve} as a real child process: bootstrap output, serving, SIGTERM, restart. */
class ServeCommandTest {
    static final Pattern URL = Pattern.compile("anim3d serving on (http://localhost:(\\d+))");
    static final Pattern ID = Pattern.compile("client id:\\s+(\\S+)");
    static final Pattern SECRET = Pattern.compile("client secret:\\s+(\\S+)");

    @TempDir
    Path dir;

    /** What a serve process printed up to its URL line, and the port it serves on. */
    record Started(Process process, String output, int port) {
    }

    Started serve() throws IOException, InterruptedException {
        return serveIn(dir);
    }

    /** Starts {@code anim3d serve --port 0 --data dir} as a child process and waits for its URL line. */
    static Started serveIn(Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.anim3d.server.cli.Main", "serve", "--port", "0", "--data", dir.toString());
        Path errors = dir.resolve("serve-stderr-" + System.nanoTime() + ".log");
        pb.redirectError(errors.toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                return new Started(p, String.join("\n", lines), Integer.parseInt(m.group(2)));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        String err = Files.readString(errors);
        throw new AssertionError("serve printed no URL line; output was:\n" + String.join("\n", lines)
                + "\nstderr:\n" + err.substring(Math.max(0, err.length() - 4000)));
    }

    static int stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the shutdown hook stops Jetty and closes the database
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not exit within 30 s of SIGTERM");
        return p.exitValue();
    }

    static HttpResponse<String> get(int port, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStartPrintsCredentialsOnceAndTheyWorkAfterARestart() throws Exception {
        Started first = serve();
        String id;
        String secret;
        try {
            Matcher idm = ID.matcher(first.output());
            Matcher sm = SECRET.matcher(first.output());
            assertTrue(idm.find() && sm.find(), "first start must print the bootstrap id and secret:\n" + first.output());
            id = idm.group(1);
            secret = sm.group(1);
            assertTrue(first.output().contains("shown only this once"), "must say the secret is shown once:\n" + first.output());
            assertEquals(1, first.output().split(Pattern.quote(secret), -1).length - 1, "secret printed more than once");
            HttpResponse<String> health = get(first.port(), "/health", null);
            assertEquals(200, health.statusCode(), "health: " + health.body());
        } finally {
            int code = stop(first.process());
            assertTrue(code == 0 || code == 143, "exit code after SIGTERM: " + code);
        }

        Started second = serve();
        try {
            assertFalse(ID.matcher(second.output()).find() || SECRET.matcher(second.output()).find(),
                    "second start on the same data dir printed credentials again:\n" + second.output());
            String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> auth = get(second.port(), "/session/auth", basic);
            assertEquals(200, auth.statusCode(), "bootstrap credentials after restart: " + auth.body());
            HttpResponse<String> balance = get(second.port(), "/account/creditBalance", basic);
            assertEquals(200, balance.statusCode(), "balance: " + balance.body());
            assertEquals("{\"credits\":0}", balance.body(), "a new client has no credits");
            assertNotNull(auth.headers().firstValue("Set-Cookie").orElse(null), "no cookie");
        } finally {
            stop(second.process());
        }
    }

    @Test
    void invalidSettingIsAnInputError() {
        CliRun run = CliRun.of("serve", "--port", "70000", "--data", dir.toString());
        assertEquals(Main.EXIT_INPUT, run.exitCode(), "exit code; stderr: " + run.err());
        assertTrue(run.err().contains("Port must be 0..65535"), "message: " + run.err());
    }
}
