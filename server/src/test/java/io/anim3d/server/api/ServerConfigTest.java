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
    }

    @Test
    void environmentOverridesDefaults() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("ANIM3D_DATA_DIR", "/srv/anim3d", "ANIM3D_PORT", "9000",
                "ANIM3D_SESSION_MINUTES", "15", "ANIM3D_CREDITS_PER_MINUTE", "2.5", "ANIM3D_MAX_UPLOAD_MB", "10",
                "ANIM3D_PUBLIC_URL", "https://anim.example.com/", "ANIM3D_CORS_ORIGINS", " http://localhost:8080, http://localhost:8180 "));
        assertEquals(new ServerConfig(Path.of("/srv/anim3d"), 9000, Duration.ofMinutes(15), new BigDecimal("2.5"),
                10L * 1024 * 1024, "https://anim.example.com", List.of("http://localhost:8080", "http://localhost:8180")), c);
        assertEquals("https://anim.example.com", c.baseUrlFor(9000), "a set public URL wins over the port");
    }

    @Test
    void badValuesSayWhichSettingAndWhy() {
        String[][] cases = {
            {"ANIM3D_PORT", "http", "whole number"},
            {"ANIM3D_PORT", "65536", "0..65535"},
            {"ANIM3D_SESSION_MINUTES", "0", "Session lifetime"},
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
