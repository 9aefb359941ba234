package io.anim3d.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which URLs the server may call. Literal addresses need no lookup; host names go through a
 * stand-in resolver (a table), so no test here sends a DNS query or connects anywhere.
 */
class OutboundTargetsTest {
    /** Literal hosts that must be refused unless private targets are allowed, with a word of the reason. */
    static final Map<String, String> NON_PUBLIC = Map.ofEntries(
            Map.entry("http://127.0.0.1/", "loopback"),
            Map.entry("http://127.8.9.10:8080/x", "loopback"),
            Map.entry("http://10.1.2.3/", "private"),
            Map.entry("http://172.16.0.1/", "private"),
            Map.entry("http://172.31.255.255/", "private"),
            Map.entry("http://192.168.1.1/", "private"),
            Map.entry("http://169.254.169.254/latest/meta-data/", "link-local"),
            Map.entry("http://100.64.0.1/", "carrier-grade"),
            Map.entry("http://0.0.0.0/", "unspecified"),
            Map.entry("http://224.0.0.1/", "multicast"),
            Map.entry("http://240.0.0.1/", "reserved"),
            Map.entry("http://255.255.255.255/", "reserved"),
            Map.entry("http://198.18.0.1/", "benchmarking"),
            Map.entry("http://192.0.0.170/", "IETF"),
            Map.entry("http://[::1]/", "loopback"),
            Map.entry("http://[::]/", "unspecified"),
            Map.entry("http://[fe80::1]/", "link-local"),
            Map.entry("http://[fc00::1]/", "unique-local"),
            Map.entry("http://[fd12:3456::1]/", "unique-local"),
            Map.entry("http://[fec0::1]/", "private"),
            Map.entry("http://[ff02::1]/", "multicast"),
            Map.entry("http://[::ffff:127.0.0.1]/", "loopback"),
            Map.entry("http://[::ffff:10.0.0.1]/", "private"),
            // IPv4 inside IPv6 forms that Java keeps as Inet6Address (were accepted as public before)
            Map.entry("http://[::127.0.0.1]/", "loopback"),
            Map.entry("http://[::a9fe:a9fe]/", "link-local"),
            Map.entry("http://[64:ff9b::a00:1]/", "private"),
            Map.entry("http://[64:ff9b::a9fe:a9fe]/", "link-local"),
            Map.entry("http://[2002:7f00:1::]/", "loopback"),
            Map.entry("http://[2002:c0a8:101::1]/", "private"));

    /** Documentation and public ranges: accepted, never connected to. */
    static final List<String> PUBLIC = List.of("http://203.0.113.10/hook", "https://198.51.100.7:8443/a?b=c",
            "http://8.8.8.8/", "http://[2001:db8::1]/", "http://[2606:4700::1111]/", "http://[64:ff9b::808:808]/",
            "http://[2002:808:808::1]/", "http://172.32.0.1/", "http://100.128.0.1/", "http://192.0.2.1/");

    /** A resolver that knows these names only. */
    static OutboundTargets.Resolver table(Map<String, String[]> names) {
        return host -> {
            String[] addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByName(addresses[i]); // literals: no lookup
            }
            return out;
        };
    }

    @Test
    void nonPublicLiteralsAreRefusedWithTheReason() {
        OutboundTargets strict = new OutboundTargets(false);
        NON_PUBLIC.forEach((url, reason) -> {
            TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> strict.check(url), url);
            assertTrue(e.getMessage().contains(reason), url + ": message should say '" + reason + "': " + e.getMessage());
            assertTrue(e.getMessage().contains("ANIM3D_ALLOW_PRIVATE_TARGETS"), url + ": how to allow: " + e.getMessage());
        });
    }

    @Test
    void nonPublicLiteralsAreAcceptedWhenAllowed() {
        OutboundTargets lenient = new OutboundTargets(true);
        assertTrue(lenient.allowsPrivate());
        for (String url : NON_PUBLIC.keySet()) {
            OutboundTargets.Target t = lenient.check(url);
            assertEquals(url, t.uri().toString(), url);
            assertEquals(1, t.addresses().size(), url);
        }
    }

    @Test
    void publicLiteralsAreAccepted() {
        OutboundTargets strict = new OutboundTargets(false);
        for (String url : PUBLIC) {
            OutboundTargets.Target t = strict.check("  " + url + "\n");
            assertEquals(url, t.uri().toString(), "stripped: " + url);
            assertNull(OutboundTargets.nonPublicKind(t.addresses().get(0)), url);
        }
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() {
        OutboundTargets strict = new OutboundTargets(false, table(Map.of(
                "hooks.example", new String[] {"203.0.113.5", "2001:db8::5"},
                "mixed.example", new String[] {"203.0.113.5", "10.0.0.5"},
                "rebind.example", new String[] {"169.254.169.254"},
                "empty.example", new String[0])));
        assertEquals(2, strict.check("https://hooks.example/h").addresses().size());
        String mixed = assertThrows(TargetRefusedException.class, () -> strict.check("https://mixed.example/h")).getMessage();
        assertTrue(mixed.contains("mixed.example") && mixed.contains("10.0.0.5"), "names host and address: " + mixed);
        assertThrows(TargetRefusedException.class, () -> strict.check("http://rebind.example/"));
        String unknown = assertThrows(TargetRefusedException.class, () -> strict.check("http://nowhere.example/")).getMessage();
        assertTrue(unknown.contains("cannot be resolved"), unknown);
        assertThrows(TargetRefusedException.class, () -> strict.check("http://empty.example/"));
        // Allowing private targets does not skip the lookup: an unknown host is still refused.
        OutboundTargets lenient = new OutboundTargets(true, table(Map.of()));
        assertThrows(TargetRefusedException.class, () -> lenient.check("http://nowhere.example/"));
    }

    @Test
    void localhostIsLoopback() {
        String m = assertThrows(TargetRefusedException.class, () -> new OutboundTargets(false).check("http://localhost:8080/"))
                .getMessage();
        assertTrue(m.contains("loopback"), m);
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAndNoCredentials() {
        OutboundTargets lenient = new OutboundTargets(true);
        Map<String, String> bad = Map.of(
                "", "empty",
                "   ", "empty",
                "ftp://203.0.113.1/x", "http",
                "file:///etc/passwd", "http",
                "/just/a/path", "http",
                "http://user:secret@203.0.113.1/", "user name",
                "http://203.0.113.1/a b", "not a valid URL",
                "http://bad_host.example/", "no valid host name",
                "http://127.1/", "no valid host name",
                "http:///nohost", "no host name");
        bad.forEach((url, word) -> {
            TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> lenient.check(url), "'" + url + "'");
            assertTrue(e.getMessage().contains(word), "'" + url + "': expected '" + word + "' in: " + e.getMessage());
        });
        assertThrows(TargetRefusedException.class, () -> lenient.check(null));
        String tooLong = "http://203.0.113.1/" + "a".repeat(OutboundTargets.MAX_URL_LENGTH);
        assertTrue(assertThrows(TargetRefusedException.class, () -> lenient.check(tooLong)).getMessage()
                .contains(String.valueOf(OutboundTargets.MAX_URL_LENGTH)));
        assertEquals("HTTPS", OutboundTargets.parse("HTTPS://203.0.113.1/").getScheme(), "scheme case does not matter");
    }

    @Test
    void embeddedIPv4IsFoundInEachForm() throws Exception {
        byte[] loop = {127, 0, 0, 1};
        for (String v6 : new String[] {"::7f00:1", "64:ff9b::7f00:1", "2002:7f00:1::"}) {
            byte[] found = OutboundTargets.embeddedIPv4(InetAddress.getByName(v6).getAddress());
            assertEquals(java.util.Arrays.toString(loop), java.util.Arrays.toString(found), v6);
        }
        assertNull(OutboundTargets.embeddedIPv4(InetAddress.getByName("2001:db8::7f00:1").getAddress()));
        assertNull(OutboundTargets.embeddedIPv4(InetAddress.getByName("64:ff9b:1::7f00:1").getAddress()),
                "only the well-known NAT64 prefix is read");
    }
}
