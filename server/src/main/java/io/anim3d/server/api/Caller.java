package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who an authenticated request comes from: the API client and, when it acts for one of its own
 * users, that sub-user (COMPAT.md "Authentication and cookies": the {@code x-useruid} header). A
 * sub-user is a label the client chooses, not an account: it has no secret of its own, and the
 * client can always open a session for any of its sub-users. It partitions what the client stores
 * (custom characters stored by a sub-user are that sub-user's), it does not protect against the client.
 *
 * <p>{@link ApiServer}'s {@code authenticated} wrapper resolves it once per request and keeps it on
 * the request, so that modules whose handlers take only the {@link Client} can ask {@link #of} or
 * {@link #subUser} for it.
 *
 * @param subUser the sub-user id, exactly as sent (case-sensitive); empty when the client acts for itself
 */
public record Caller(Client client, Optional<String> subUser) {
    /** The request header naming the sub-user, on {@code /session/auth} or on a request with Basic credentials. */
    public static final String SUB_USER_HEADER = "x-useruid";
    /** Longest sub-user id: room for a UUID, an e-mail address or a prefixed account id. */
    public static final int MAX_SUB_USER_CHARS = 128;
    /**
     * Letters, digits and {@code . _ - @ : +}: enough for UUIDs, e-mail addresses and prefixed ids,
     * and nothing that needs escaping in the cookie ({@code |}), a log line or a blob key.
     */
    private static final Pattern SUB_USER = Pattern.compile("[A-Za-z0-9._@:+-]{1," + MAX_SUB_USER_CHARS + "}");
    private static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(subUser, "subUser");
        subUser.ifPresent(s -> {
            if (!isValidSubUser(s)) {
                throw new IllegalArgumentException("Not a valid sub-user id: " + s);
            }
        });
    }

    /** The caller of an authenticated request (one whose route went through {@code authenticated}). */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No caller on " + ctx.method() + " " + ctx.path()
                    + ": the route is not wrapped in ApiServer's authenticated handler");
        }
        return caller;
    }

    /** The sub-user of an authenticated request; empty when the client acts for itself. */
    public static Optional<String> subUser(Context ctx) {
        return of(ctx).subUser();
    }

    static void attach(Context ctx, Caller caller) {
        ctx.attribute(ATTRIBUTE, caller);
    }

    public static boolean isValidSubUser(String id) {
        return id != null && SUB_USER.matcher(id).matches();
    }

    /**
     * The sub-user named by the request's {@code x-useruid} headers: empty when there is none.
     * An empty value is refused rather than read as "no sub-user": a client whose user id came out
     * empty would otherwise store that user's characters where every job of the client sees them.
     *
     * @param values every {@code x-useruid} header of the request
     * @throws ApiException 400 for an invalid id, or for several headers naming different sub-users
     */
    static Optional<String> requestedSubUser(List<String> values) {
        String found = null;
        for (String raw : values) {
            String v = raw == null ? "" : raw.strip();
            if (!isValidSubUser(v)) {
                throw ApiException.badRequest(SUB_USER_HEADER + " " + shown(v) + " is not a sub-user id: send 1 to "
                        + MAX_SUB_USER_CHARS + " characters of A-Z, a-z, 0-9 and . _ - @ : + (e.g. a UUID or an e-mail "
                        + "address), or leave the header out to act for the whole client");
            }
            if (found != null && !found.equals(v)) {
                throw ApiException.badRequest("Several " + SUB_USER_HEADER + " headers name different sub-users ("
                        + shown(found) + ", " + shown(v) + "); send one");
            }
            found = v;
        }
        return Optional.ofNullable(found);
    }

    /** A sub-user value for a message: quoted, cut short, control characters replaced. */
    static String shown(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
