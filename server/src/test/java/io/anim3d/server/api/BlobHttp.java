package io.anim3d.server.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP/1.1 calls with any method, body and headers (signed blob URLs, preflights); no cookie jar, no redirects. */
final class BlobHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Http.Answer asJson() {
            return new Http.Answer(status, headers.firstValue("Content-Type").orElse(""), headers.allValues("Set-Cookie"), body);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }

    private BlobHttp() {
    }

    /** A body with Content-Length. */
    static HttpRequest.BodyPublisher bytes(byte[] b) {
        return HttpRequest.BodyPublishers.ofByteArray(b);
    }

    /** A body of unknown length: sent with chunked transfer encoding, no Content-Length. */
    static HttpRequest.BodyPublisher streamed(byte[] b) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(b));
    }

    static HttpRequest.BodyPublisher none() {
        return HttpRequest.BodyPublishers.noBody();
    }

    /** @param headers name, value, name, value ... */
    static Answer send(String method, String url, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
