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
 * the client's secret was last rotated (rotating a leaked secret ends the sessions opened with it,
 * the sessions of its sub-users included).
 *
 * <p>The sub-user ({@link Caller#SUB_USER_HEADER}) comes from the cookie when one is good: it was
 * fixed when the session was opened. A header on such a request may repeat it but not change it
 * (a 400, not a silent switch: a character stored for the wrong user is hard to notice). With Basic
 * credentials alone, the request's own header names the sub-user.
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
     * @param subUserHeaders every {@code x-useruid} header of the request
     * @throws ApiException 401 when neither proves an active client; then 400 for a bad or conflicting {@code x-useruid}
     */
    Caller authenticate(List<String> cookieHeaders, String authorization, List<String> subUserHeaders) {
        for (String value : RequestCredentials.cookieValues(cookieHeaders, SessionCookie.NAME)) {
            Optional<SessionCookie.Session> session = sessions.session(value);
            Optional<Client> c = session.flatMap(s -> clients.find(s.clientId()))
                    .filter(client -> !client.disabled())
                    .filter(client -> session.get().issuedAtMs() >= client.secretRotatedAtMs());
            if (c.isPresent()) {
                return new Caller(c.get(), sessionSubUser(session.get().subUser(), subUserHeaders));
            }
        }
        Client client = basicOnly(authorization);
        return new Caller(client, Caller.requestedSubUser(subUserHeaders));
    }

    /** Basic credentials only ({@code /session/auth} must check the secret, not an old cookie). */
    Client basicOnly(String authorization) {
        return RequestCredentials.basic(authorization)
                .flatMap(b -> clients.verify(b.clientId(), b.secret()))
                .orElseThrow(() -> ApiException.unauthorized(REFUSED));
    }

    /** The session's sub-user, after checking that the request's header, if any, names the same one. */
    private static Optional<String> sessionSubUser(Optional<String> ofSession, List<String> subUserHeaders) {
        Optional<String> requested = Caller.requestedSubUser(subUserHeaders);
        if (requested.isPresent() && !requested.equals(ofSession)) {
            throw ApiException.badRequest("This session was opened " + ofSession.map(s -> "for sub-user " + Caller.shown(s))
                    .orElse("without " + Caller.SUB_USER_HEADER) + ", but the request's " + Caller.SUB_USER_HEADER
                    + " header names " + Caller.shown(requested.get()) + "; call GET /session/auth with that "
                    + Caller.SUB_USER_HEADER + " header for a session of that sub-user, or leave the header out");
        }
        return ofSession;
    }
}
