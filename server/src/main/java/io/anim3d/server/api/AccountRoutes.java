package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.model.CreditBalance;
import io.anim3d.server.api.model.MinutesBalance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** {@code /account/creditBalance} and {@code /account/minutesBalance}: what the caller can still spend. */
final class AccountRoutes {
    /** Minutes are given to the thousandth (0.06 s), rounded down: never more than the credits pay for. */
    static final int MINUTES_SCALE = 3;

    private final Credits credits;
    private final BigDecimal creditsPerMinute;

    AccountRoutes(Credits credits, BigDecimal creditsPerMinute) {
        this.credits = Objects.requireNonNull(credits, "credits");
        this.creditsPerMinute = Objects.requireNonNull(creditsPerMinute, "creditsPerMinute");
    }

    /** Available credits: balance minus credits held by running jobs. */
    CreditBalance creditBalance(Client client) {
        return new CreditBalance(plain(Credits.toCredits(available(client))));
    }

    MinutesBalance minutesBalance(Client client) {
        BigDecimal minutes = Credits.toCredits(available(client)).divide(creditsPerMinute, MINUTES_SCALE, RoundingMode.FLOOR);
        return new MinutesBalance(plain(minutes));
    }

    private long available(Client client) {
        return Math.max(0, credits.available(client.id()));
    }

    /** 1000 rather than 1E+3: stripTrailingZeros may leave a negative scale, which JSON writers print as an exponent. */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
