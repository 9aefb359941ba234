package io.anim3d.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.accounts.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/** Real HTTP calls to a running API server as one client (Basic header), and the checks every answer gets. */
final class ApiCalls {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Body is not JSON (status " + status + "): " + body, e);
            }
        }

        /** Exactly 200 with a JSON body (COMPAT.md "Responses"); the body as JSON. */
        JsonNode ok(String what) {
            assertEquals(200, status, what + ": status, body " + body);
            assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/json"),
                    what + ": Content-Type was '" + contentType + "'");
            return json();
        }

        /** This status with {"message": non-empty}; the message. */
        String refused(int expected, String what) {
            assertEquals(expected, status, what + ": status, body " + body);
            assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/json"),
                    what + ": error Content-Type was '" + contentType + "'");
            String message = json().path("message").asText("");
            assertFalse(message.isBlank(), what + ": error body has no message: " + body);
            assertFalse(body.contains("Exception") || body.contains("at io."), what + ": stack trace leaked: " + body);
            return message;
        }
    }

    private final int port;
    private final String authorization;

    ApiCalls(int port, Credentials who) {
        this(port, "Basic " + Base64.getEncoder().encodeToString(
                (who.clientId() + ":" + who.secret()).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiCalls(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** Calls without credentials. */
    static ApiCalls anonymous(int port) {
        return new ApiCalls(port, (String) null);
    }

    Answer get(String path) {
        return send(builder(path).GET());
    }

    Answer post(String path, String body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer delete(String path) {
        return send(builder(path).DELETE());
    }

    /** POST /webhook_endpoints with this URL and ["job.completed"]; the created endpoint as JSON. */
    JsonNode create(String url) {
        return post("/webhook_endpoints", "{\"url\": " + quote(url) + ", \"events\": [\"job.completed\"]}")
                .ok("create " + url);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static Answer send(HttpRequest.Builder b) {
        HttpRequest request = b.build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
