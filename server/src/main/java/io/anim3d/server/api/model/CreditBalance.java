package io.anim3d.server.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code GET /account/creditBalance}: credits the client may still spend (balance minus reservations). */
public record CreditBalance(BigDecimal credits) {
    public CreditBalance {
        Objects.requireNonNull(credits, "credits");
    }
}
