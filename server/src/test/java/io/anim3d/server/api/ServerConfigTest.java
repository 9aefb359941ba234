package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsWhenNothingIsSet() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("ANIM3D_PORT", " "));
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals(8080, c.port());
        assertEquals(Duration.ofMinutes(60), c.sessionLifetime());
        assertEquals(0, BigDecimal.ONE.compareTo(c.creditsPerMinute()), "credits per minute " + c.creditsPerMinute());
        assertEquals(2048L * 1024 * 1024, c.maxUploadBytes(), "upload limit in bytes");
        assertEquals(null, c.publicBaseUrl(), "public URL unset");
        assertEquals("http://localhost:8080", c.baseUrlFor(8080), "signed URLs default to localhost on the bound port");
        assertEquals("http://localhost:41234", c.baseUrlFor(41234), "port 0: the port actually bound");
        assertEquals(List.of("http://localhost:8080", "http://localhost:8180"), c.corsOrigins(), "CORS origins (COMPAT.md)");
        assertEquals(1, c.workers(), "one job at a time by default");
        assertEquals(Duration.ofDays(30), c.retention(), "retention");
        assertEquals(20480L * 1024 * 1024, c.storageQuotaBytes(), "per-client quota");
        assertEquals(false, c.allowPrivateTargets(), "no private webhook targets unless allowed");
        assertEquals(false, c.allowRemoteUrls(), "no remote model URLs unless allowed");
    }

    @Test
    void environmentOverridesDefaults() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("ANIM3D_DATA_DIR", "/srv/anim3d", "ANIM3D_PORT", "9000",
                "ANIM3D_SESSION_MINUTES", "15", "ANIM3D_CREDITS_PER_MINUTE", "2.5", "ANIM3D_MAX_UPLOAD_MB", "10",
                "ANIM3D_PUBLIC_URL", "https://anim.example.com/", "ANIM3D_CORS_ORIGINS", " http://localhost:8080, http://localhost:8180 "));
        env.putAll(Map.of("ANIM3D_WORKERS", "3", "ANIM3D_RETENTION_DAYS", "7", "ANIM3D_QUOTA_MB", "100",
                "ANIM3D_ALLOW_PRIVATE_TARGETS", "1", "ANIM3D_ALLOW_REMOTE_URLS", "true"));
        ServerConfig c = ServerConfig.fromEnvironment(env);
        assertEquals(new ServerConfig(Path.of("/srv/anim3d"), 9000, Duration.ofMinutes(15), new BigDecimal("2.5"),
                10L * 1024 * 1024, "https://anim.example.com", List.of("http://localhost:8080", "http://localhost:8180"),
                3, Duration.ofDays(7), 100L * 1024 * 1024, true, true), c);
        assertEquals("https://anim.example.com", c.baseUrlFor(9000), "a set public URL wins over the port");
    }

    @Test
    void badValuesSayWhichSettingAndWhy() {
        String[][] cases = {
            {"ANIM3D_PORT", "http", "whole number"},
            {"ANIM3D_PORT", "65536", "0..65535"},
            {"ANIM3D_SESSION_MINUTES", "0", "Session lifetime"},
            {"ANIM3D_WORKERS", "-1", "Workers must be"},
            {"ANIM3D_WORKERS", "65", "Workers must be"},
            {"ANIM3D_RETENTION_DAYS", "0", "Retention"},
            {"ANIM3D_QUOTA_MB", "0", "quota"},
            {"ANIM3D_ALLOW_PRIVATE_TARGETS", "maybe", "1 or 0"},
            {"ANIM3D_SESSION_MINUTES", "10081", "Session lifetime"},
            {"ANIM3D_CREDITS_PER_MINUTE", "0", "positive"},
            {"ANIM3D_CREDITS_PER_MINUTE", "0.0001", "at most 3 decimals"},
            {"ANIM3D_CREDITS_PER_MINUTE", "one", "decimal number"},
            {"ANIM3D_MAX_UPLOAD_MB", "0", "Upload limit must be positive"},
            {"ANIM3D_MAX_UPLOAD_MB", "2GB", "whole number"},
            {"ANIM3D_PUBLIC_URL", "anim.example.com", "http(s)://"},
            {"ANIM3D_PUBLIC_URL", "https://x.example/?a=1", "without query"},
            {"ANIM3D_CORS_ORIGINS", ",", "at least one origin"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.fromEnvironment(Map.of(c[0], c[1])), c[0] + "=" + c[1] + " accepted");
            assertTrue(e.getMessage().contains(c[2]), c[0] + "=" + c[1] + ": message '" + e.getMessage() + "' lacks '" + c[2] + "'");
        }
    }
}
