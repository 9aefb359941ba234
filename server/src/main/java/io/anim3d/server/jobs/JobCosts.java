package io.anim3d.server.jobs;

import io.anim3d.server.accounts.Credits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The price of a job: per second of processed input (after trim), rounded up to whole seconds,
 * at least one second (a still image counts as one second); reruns are priced like the job they
 * rerun. Face tracking and hand tracking, once available, each add half the price again (the spec
 * says they cost extra). Credits are reserved at submit, charged only on success.
 */
public final class JobCosts {
    /** Extra price factor of {@code trackFace=1} and of {@code trackHand=1}, each. */
    public static final BigDecimal TRACKING_EXTRA = new BigDecimal("0.5");

    private final BigDecimal creditsPerMinute;

    public JobCosts(BigDecimal creditsPerMinute) {
        this.creditsPerMinute = Objects.requireNonNull(creditsPerMinute, "creditsPerMinute");
    }

    /** Billable whole seconds of {@code durationMs} of input. */
    public static long billableSeconds(long durationMs) {
        return Math.max(1, (durationMs + 999) / 1000);
    }

    /** Milli-credits for this much input, rounded up to a whole milli-credit. */
    public long milliCredits(long durationMs, boolean trackFace, boolean trackHand) {
        BigDecimal factor = BigDecimal.ONE;
        if (trackFace) {
            factor = factor.add(TRACKING_EXTRA);
        }
        if (trackHand) {
            factor = factor.add(TRACKING_EXTRA);
        }
        return creditsPerMinute.multiply(BigDecimal.valueOf(Credits.MILLI_PER_CREDIT))
                .multiply(BigDecimal.valueOf(billableSeconds(durationMs))).multiply(factor)
                .divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING).longValueExact();
    }
}
