package io.anim3d.server.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code GET /account/minutesBalance}: minutes of input video the available credits pay for. */
public record MinutesBalance(BigDecimal minutes) {
    public MinutesBalance {
        Objects.requireNonNull(minutes, "minutes");
    }
}
