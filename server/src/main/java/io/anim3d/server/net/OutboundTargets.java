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
 * or multicast. Callers connect to one of the addresses returned here, not to a fresh lookup, so
 * that a DNS answer cannot change between the check and the call.
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
            throw new TargetRefusedException("'" + u + "' has no host name; send an absolute URL such as https://example.com/hook");
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
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private) address";
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            v4Mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (v4Mapped) {
                try {
                    return nonPublicKind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
