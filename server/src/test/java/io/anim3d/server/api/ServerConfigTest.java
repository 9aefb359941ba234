package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
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
    }

    @Test
    void environmentOverridesDefaults() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("ANIM3D_DATA_DIR", "/srv/anim3d", "ANIM3D_PORT", "9000",
                "ANIM3D_SESSION_MINUTES", "15", "ANIM3D_CREDITS_PER_MINUTE", "2.5"));
        assertEquals(new ServerConfig(Path.of("/srv/anim3d"), 9000, Duration.ofMinutes(15), new BigDecimal("2.5")), c);
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
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.fromEnvironment(Map.of(c[0], c[1])), c[0] + "=" + c[1] + " accepted");
            assertTrue(e.getMessage().contains(c[2]), c[0] + "=" + c[1] + ": message '" + e.getMessage() + "' lacks '" + c[2] + "'");
        }
    }
}
