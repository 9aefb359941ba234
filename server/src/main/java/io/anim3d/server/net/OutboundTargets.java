package io.anim3d.server.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a URL the server is asked to call (a webhook, a remote model URL) before any connection:
 * only http(s), no credentials in it, and, unless the operator allows private targets, every
 * address its host resolves to must be public — not loopback, private (RFC 1918, fc00::/7),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), CGNAT (100.64/10), unspecified
 * or multicast; IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged
 * by that address. Callers should connect to one of the addresses returned here, not to a fresh
 * lookup, so that a DNS answer cannot change between the check and the call. Where the HTTP
 * client cannot be pinned to an address ({@code java.net.http}, as for webhooks), check right
 * before each call: the client's own lookup then normally comes from the JVM's address cache
 * ({@code networkaddress.cache.ttl}, 30 s by default), i.e. the same answer.
 */
public final class OutboundTargets {
    /** Longest URL accepted (a webhook URL is stored and echoed). */
    public static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests of the address rules only. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked target: the parsed URL and the addresses its host resolved to. */
    public record Target(URI uri, List<InetAddress> addresses) {
    }

    public OutboundTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public OutboundTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * The URL's syntax alone (scheme, host, no user info, length); no lookup.
     *
     * @throws TargetRefusedException with a message that says what is wrong and what to send instead
     */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new TargetRefusedException("The URL is empty; send an absolute http(s) URL such as https://example.com/hook");
        }
        String u = url.strip();
        if (u.length() > MAX_URL_LENGTH) {
            throw new TargetRefusedException("The URL is " + u.length() + " characters long; at most " + MAX_URL_LENGTH
                    + " are accepted");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new TargetRefusedException("'" + u + "' is not a valid URL (" + e.getReason()
                    + "); send an absolute http(s) URL such as https://example.com/hook");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefusedException("'" + u + "' is not an http(s) URL; only http:// and https:// targets are called");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            // java.net.URI leaves the host null both when there is none and when it is not a valid name
            // (an underscore, a shortened IPv4 literal such as 127.1).
            boolean hasAuthority = uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
            throw new TargetRefusedException("'" + u + "' has " + (hasAuthority
                    ? "no valid host name (letters, digits, '-' and '.', or a full IP address)"
                    : "no host name") + "; send an absolute URL such as https://example.com/hook");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefusedException("The URL must not carry a user name or password; put secrets elsewhere");
        }
        return uri;
    }

    /**
     * Parses the URL and resolves its host; refuses it when any address is not public (unless allowed).
     *
     * @throws TargetRefusedException with the reason, naming the host and the kind of address
     */
    public Target check(String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new TargetRefusedException("The host '" + host + "' of the URL cannot be resolved; check its spelling");
        }
        if (addresses.length == 0) {
            throw new TargetRefusedException("The host '" + host + "' of the URL has no address");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                String kind = nonPublicKind(a);
                if (kind != null) {
                    throw new TargetRefusedException("The URL's host '" + host + "' is " + kind + " (" + a.getHostAddress()
                            + "); this server only calls public addresses. An operator may allow private targets with "
                            + "ANIM3D_ALLOW_PRIVATE_TARGETS=1");
                }
            }
        }
        return new Target(uri, List.of(addresses));
    }

    /** What kind of non-public address this is ("a loopback address" ...), or null for a public one. */
    public static String nonPublicKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private network address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "a 'this network' address";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking network address";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "an IETF protocol address";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private) address";
            }
            // IPv6 forms that carry an IPv4 address and reach it: judged by that address.
            byte[] v4 = embeddedIPv4(b);
            if (v4 != null) {
                try {
                    String kind = nonPublicKind(InetAddress.getByAddress(v4));
                    return kind == null ? null : kind + " inside an IPv6 address";
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}, deprecated but still routed by some stacks), NAT64 ({@code 64:ff9b::/96})
     * or 6to4 ({@code 2002:AABB:CCDD::/48}) address, or null for any other IPv6 address.
     * {@code ::} and {@code ::1} are not IPv4-compatible: they are caught as unspecified and loopback.
     */
    static byte[] embeddedIPv4(byte[] v6) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= v6[i] == 0;
        }
        int b10 = v6[10] & 0xff;
        int b11 = v6[11] & 0xff;
        byte[] last4 = {v6[12], v6[13], v6[14], v6[15]};
        if (firstTenZero && b10 == 0xff && b11 == 0xff) {
            return last4;
        }
        if (firstTenZero && b10 == 0 && b11 == 0) {
            return last4;
        }
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = v6[i] == 0;
        }
        if (nat64) {
            return last4;
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return new byte[] {v6[2], v6[3], v6[4], v6[5]};
        }
        return null;
    }
}
