package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.ClientStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: a valid {@code dmsess} cookie or valid Basic credentials, whichever is present
 * and good (COMPAT.md: some clients send only one, some both, some a stale cookie with good
 * Basic). The cookie is tried first because it costs one HMAC and one row read, Basic a PBKDF2
 * run on a cache miss. A cookie of a client disabled since it was issued is refused, and so is one issued before
 * the client's secret was last rotated (rotating a leaked secret ends the sessions opened with it).
 */
final class Authenticator {
    static final String REFUSED = "Not authenticated: send the dmsess cookie from GET /session/auth or an "
            + "'Authorization: Basic base64(clientId:clientSecret)' header; the cookie may have expired "
            + "(call /session/auth again) or the id or secret is wrong";

    private final ClientStore clients;
    private final SessionCookie sessions;

    Authenticator(ClientStore clients, SessionCookie sessions) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * @param cookieHeaders  every {@code Cookie} header of the request
     * @param authorization  the {@code Authorization} header, or null
     * @throws ApiException 401 when neither proves an active client
     */
    Client authenticate(List<String> cookieHeaders, String authorization) {
        for (String value : RequestCredentials.cookieValues(cookieHeaders, SessionCookie.NAME)) {
            Optional<SessionCookie.Session> session = sessions.session(value);
            Optional<Client> c = session.flatMap(s -> clients.find(s.clientId()))
                    .filter(client -> !client.disabled())
                    .filter(client -> session.get().issuedAtMs() >= client.secretRotatedAtMs());
            if (c.isPresent()) {
                return c.get();
            }
        }
        return basicOnly(authorization);
    }

    /** Basic credentials only ({@code /session/auth} must check the secret, not an old cookie). */
    Client basicOnly(String authorization) {
        return RequestCredentials.basic(authorization)
                .flatMap(b -> clients.verify(b.clientId(), b.secret()))
                .orElseThrow(() -> ApiException.unauthorized(REFUSED));
    }
}
