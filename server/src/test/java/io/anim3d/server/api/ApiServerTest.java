package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP on a free port, against an H2 database in a temporary data directory. */
class ApiServerTest {
    static final Duration SESSION = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    Database db;
    ClientStore clients;
    Credits credits;
    ApiServer server;
    Credentials alice;
    int port;

    @BeforeEach
    void start() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        credits = new Credits(db, clock);
        alice = clients.create("alice");
        server = newServer(new BigDecimal("0.5"));
        port = server.port();
    }

    ApiServer newServer(BigDecimal creditsPerMinute) {
        ServerConfig config = new ServerConfig(dir, 0, SESSION, creditsPerMinute);
        return new ApiServer(config, db, clients, credits, clock).start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    /** Every success: exactly 200 and application/json. */
    static Http.Answer ok(Http.Answer a, String what) {
        assertEquals(200, a.status(), what + ": status, body " + a.body());
        assertTrue(a.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"),
                what + ": Content-Type was '" + a.contentType() + "'");
        return a;
    }

    /** A failure: this status and a JSON {"message": non-empty} body. */
    static void refused(Http.Answer a, int status, String what) {
        assertEquals(status, a.status(), what + ": status, body " + a.body());
        assertTrue(a.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"),
                what + ": error Content-Type was '" + a.contentType() + "'");
        String message = a.json().path("message").asText("");
        assertFalse(message.isBlank(), what + ": error body has no message: " + a.body());
        assertFalse(a.body().contains("at io.") || a.body().contains("Exception"), what + ": stack trace leaked: " + a.body());
    }

    String login(Credentials c) {
        Http.Answer a = ok(Http.get(port, "/session/auth", "Authorization", Http.basic(c.clientId(), c.secret())), "session/auth");
        String first = a.setCookies().get(0);
        return first.substring("dmsess=".length(), first.indexOf(';'));
    }

    @Test
    void healthNeedsNoCredentials() {
        Http.Answer a = ok(Http.get(port, "/health"), "health");
        assertEquals("ok", a.json().path("status").asText(), "health body " + a.body());
    }

    @Test
    void sessionAuthSetsACookieEveryClientCanUse() {
        Http.Answer a = ok(Http.get(port, "/session/auth", "Authorization", Http.basic(alice.clientId(), alice.secret())), "auth");
        assertEquals(1, a.setCookies().size(), "Set-Cookie headers: " + a.setCookies());
        String cookie = a.setCookies().get(0);
        assertTrue(cookie.startsWith("dmsess="), "first Set-Cookie must start with dmsess=: " + cookie);
        String value = cookie.substring("dmsess=".length(), cookie.indexOf(';'));
        assertTrue(value.matches("[A-Za-z0-9_-]{40,512}"), "cookie value must be URL-safe without '=' or ';': " + value);
        String attrs = cookie.substring(cookie.indexOf(';')).toLowerCase(Locale.ROOT);
        assertTrue(attrs.contains("; path=/"), "Path=/ missing: " + cookie);
        assertTrue(attrs.contains("; httponly"), "HttpOnly missing: " + cookie);
        assertTrue(attrs.contains("; max-age=" + SESSION.getSeconds()), "Max-Age of the session missing: " + cookie);
        assertFalse(attrs.contains("domain"), "no Domain allowed: " + cookie);
        assertFalse(attrs.contains("secure"), "no Secure over plain http: " + cookie);
        assertEquals("{}", a.body().strip(), "auth body");
    }

    @Test
    void balanceAcceptsCookieOrBasicOrBoth() {
        credits.grant(alice.clientId(), 2_500, "test grant");
        String cookie = login(alice);
        String basic = Http.basic(alice.clientId(), alice.secret());
        String wrongBasic = Http.basic(alice.clientId(), alice.secret() + "x");
        String[][] ways = {
            {"cookie only", "Cookie", "dmsess=" + cookie},
            {"basic only", "Authorization", basic},
            {"both valid", "Cookie", "dmsess=" + cookie, "Authorization", basic},
            {"good cookie, wrong basic", "Cookie", "dmsess=" + cookie, "Authorization", wrongBasic},
            {"stale cookie, good basic", "Cookie", "dmsess=" + cookie.substring(1), "Authorization", basic},
            {"junk cookie header", "Cookie", "dmsess=" + cookie + "; Path; foo"},
            {"junk around, other cookies", "Cookie", " lang=en ;HttpOnly;  dmsess=" + cookie + " ; Path=/; x"},
        };
        for (String[] way : ways) {
            String[] headers = java.util.Arrays.copyOfRange(way, 1, way.length);
            Http.Answer a = ok(Http.get(port, "/account/creditBalance", headers), way[0]);
            assertEquals(new BigDecimal("2.5"), a.json().path("credits").decimalValue(), way[0] + ": credits in " + a.body());
            assertTrue(a.json().path("credits").isNumber(), way[0] + ": credits must be a JSON number: " + a.body());
        }
    }

    @Test
    void balancesFollowCreditsAndPrice() {
        credits.grant(alice.clientId(), 2_500, "grant");
        String cookie = "dmsess=" + login(alice);
        assertEquals(new BigDecimal("2.5"), ok(Http.get(port, "/account/creditBalance", "Cookie", cookie), "credits").json().path("credits").decimalValue());
        // 2.5 credits at 0.5 credits per minute
        assertEquals(new BigDecimal("5"), ok(Http.get(port, "/account/minutesBalance", "Cookie", cookie), "minutes").json().path("minutes").decimalValue());

        credits.reserve(alice.clientId(), 1_000, "job-1"); // held by a running job: not available
        assertEquals(new BigDecimal("1.5"), Http.get(port, "/account/creditBalance", "Cookie", cookie).json().path("credits").decimalValue(), "after reserving 1");
        assertEquals(new BigDecimal("3"), Http.get(port, "/account/minutesBalance", "Cookie", cookie).json().path("minutes").decimalValue(), "after reserving 1");

        credits.grant(alice.clientId(), 998_500, "big grant"); // 1000 credits available: plain, not 1E+3
        Http.Answer big = Http.get(port, "/account/creditBalance", "Cookie", cookie);
        assertEquals("{\"credits\":1000}", big.body(), "large balance must print as a plain number");
        Http.Answer minutes = ok(Http.get(port, "/account/minutesBalance", "Cookie", cookie), "minutes of 1000 credits");
        assertEquals("{\"minutes\":2000}", minutes.body());
    }

    @Test
    void minutesRoundDownToTheThousandth() {
        server.stop();
        server = newServer(new BigDecimal("3"));
        port = server.port();
        credits.grant(alice.clientId(), 1_000, "1 credit");
        Http.Answer a = ok(Http.get(port, "/account/minutesBalance", "Authorization", Http.basic(alice.clientId(), alice.secret())), "minutes");
        assertEquals(new BigDecimal("0.333"), a.json().path("minutes").decimalValue(), "1 credit at 3 per minute: " + a.body());
    }

    @Test
    void wrongOrMissingCredentialsAre401Json() {
        refused(Http.get(port, "/session/auth", "Authorization", Http.basic(alice.clientId(), "wrong")), 401, "auth with a wrong secret");
        refused(Http.get(port, "/session/auth", "Authorization", Http.basic("nobody", alice.secret())), 401, "auth with an unknown id");
        refused(Http.get(port, "/session/auth"), 401, "auth without header");
        refused(Http.get(port, "/session/auth", "Authorization", "Basic !!!not-base64"), 401, "auth with a broken header");
        refused(Http.get(port, "/account/creditBalance"), 401, "balance without credentials");
        refused(Http.get(port, "/account/creditBalance", "Authorization", Http.basic(alice.clientId(), "wrong")), 401, "balance, wrong secret");
        refused(Http.get(port, "/account/minutesBalance", "Cookie", "dmsess=; Path"), 401, "empty cookie");
        refused(Http.get(port, "/account/minutesBalance", "Cookie", "dmsess=garbage"), 401, "garbage cookie");
    }

    @Test
    void expiredCookieIs401() {
        String cookie = "dmsess=" + login(alice);
        clock.advance(SESSION.minusSeconds(1));
        ok(Http.get(port, "/account/creditBalance", "Cookie", cookie), "one second before expiry");
        clock.advance(Duration.ofSeconds(1));
        refused(Http.get(port, "/account/creditBalance", "Cookie", cookie), 401, "at expiry");
        ok(Http.get(port, "/session/auth", "Authorization", Http.basic(alice.clientId(), alice.secret())), "a new login after expiry");
    }

    @Test
    void tamperedCookiesAre401() {
        Credentials bob = clients.create("bob");
        credits.grant(bob.clientId(), 7_000, "bob's");
        String aliceCookie = login(alice);

        char c = aliceCookie.charAt(10);
        String flipped = aliceCookie.substring(0, 10) + (c == 'A' ? 'B' : 'A') + aliceCookie.substring(11);
        refused(Http.get(port, "/account/creditBalance", "Cookie", "dmsess=" + flipped), 401, "one character changed");

        // Alice's cookie with Bob's id swapped in (the signature stays Alice's).
        String token = new String(Base64.getUrlDecoder().decode(aliceCookie), StandardCharsets.UTF_8);
        assertTrue(token.contains("|" + alice.clientId() + "|"), "token layout changed: " + token);
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(
                token.replace(alice.clientId(), bob.clientId()).getBytes(StandardCharsets.UTF_8));
        refused(Http.get(port, "/account/creditBalance", "Cookie", "dmsess=" + swapped), 401, "id swapped for bob's");

        // A later expiry written in: also refused.
        String[] parts = token.split("\\|");
        String later = Base64.getUrlEncoder().withoutPadding().encodeToString(token.replace("|" + parts[2] + "|",
                "|" + (Long.parseLong(parts[2]) + 86_400) + "|").getBytes(StandardCharsets.UTF_8));
        refused(Http.get(port, "/account/creditBalance", "Cookie", "dmsess=" + later), 401, "expiry extended");

        // Bob's own cookie shows Bob's balance, Alice's shows Alice's.
        String bobCookie = login(bob);
        assertEquals(new BigDecimal("7"), Http.get(port, "/account/creditBalance", "Cookie", "dmsess=" + bobCookie).json().path("credits").decimalValue());
        assertEquals(new BigDecimal("0"), Http.get(port, "/account/creditBalance", "Cookie", "dmsess=" + aliceCookie).json().path("credits").decimalValue());
    }

    @Test
    void disabledClientsCookieStopsWorking() {
        String cookie = "dmsess=" + login(alice);
        clients.disable(alice.clientId());
        refused(Http.get(port, "/account/creditBalance", "Cookie", cookie), 401, "cookie of a disabled client");
    }

    @Test
    void rotatingTheSecretEndsSessionsOpenedWithTheOldOne() {
        String before = "dmsess=" + login(alice);
        assertEquals(200, Http.get(port, "/account/creditBalance", "Cookie", before).status(), "cookie before rotation");
        clock.advance(Duration.ofMillis(1));
        Credentials rotated = clients.rotateSecret(alice.clientId());
        refused(Http.get(port, "/account/creditBalance", "Cookie", before), 401, "cookie issued before the rotation");
        refused(Http.get(port, "/session/auth", "Authorization", Http.basic(alice.clientId(), alice.secret())), 401,
                "the old secret");
        String after = "dmsess=" + login(rotated);
        assertEquals(200, Http.get(port, "/account/creditBalance", "Cookie", after).status(), "cookie after rotation");
    }

    @Test
    void unknownRouteIs404Json() {
        refused(Http.get(port, "/no/such/thing"), 404, "unknown route");
        refused(Http.get(port, "/account/nothing", "Authorization", Http.basic(alice.clientId(), alice.secret())), 404, "unknown account route");
    }

    @Test
    void malformedRequestIs400JsonFromJettyToo() throws Exception {
        // java.net.http refuses to send a bad escape, so this goes over a raw socket.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 400"), "status line: " + raw);
            assertTrue(raw.toLowerCase(Locale.ROOT).contains("content-type: application/json"), "content type: " + raw);
            assertTrue(raw.contains("{\"message\":\"HTTP 400"), "JSON message body: " + raw);
            assertFalse(raw.contains("<html"), "HTML error page: " + raw);
        }
    }

    @Test
    void unexpectedFailureIs500WithoutDetails() {
        db.close(); // the accounts lookup now fails inside the handler
        Http.Answer a = Http.get(port, "/account/creditBalance", "Authorization", Http.basic(alice.clientId(), alice.secret()));
        refused(a, 500, "balance with the database closed");
        assertEquals("{\"message\":\"internal error\"}", a.body(), "500 body must not leak the cause");
    }

    @Test
    void sessionsSurviveARestartAndTheKeyIsPrivate() throws Exception {
        String cookie = "dmsess=" + login(alice);
        Path key = dir.resolve(SessionKey.FILE_NAME);
        byte[] before = Files.readAllBytes(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "session key permissions");
        server.stop();
        server = newServer(BigDecimal.ONE);
        port = server.port();
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(key)), "key must be reused");
        ok(Http.get(port, "/account/creditBalance", "Cookie", cookie), "cookie after restart");

        // A second server on the same data dir (another process in production) accepts it too.
        ApiServer second = newServer(BigDecimal.ONE);
        try {
            ok(Http.get(second.port(), "/account/minutesBalance", "Cookie", cookie), "cookie on a second server");
            assertNotEquals(port, second.port(), "two servers on one port");
        } finally {
            second.stop();
        }
    }
}
