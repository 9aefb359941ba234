package io.anim3d.server.accounts;

/**
 * A client has fewer available credits than a job (or a negative grant) needs. The API answers
 * HTTP 402 with a JSON body carrying the message and code {@value #API_ERROR_CODE}.
 */
public final class InsufficientCreditsException extends RuntimeException {
    /** The Animate 3D error code for "not enough credits". */
    public static final int API_ERROR_CODE = 101;

    private final String clientId;
    private final long neededMilli;
    private final long availableMilli;

    public InsufficientCreditsException(String clientId, long neededMilli, long availableMilli) {
        super("Not enough credits: this needs " + Credits.format(neededMilli) + " credits but only "
                + Credits.format(availableMilli) + " are available; ask the operator for more credits"
                + " or wait for running jobs to finish");
        this.clientId = clientId;
        this.neededMilli = neededMilli;
        this.availableMilli = availableMilli;
    }

    public String clientId() {
        return clientId;
    }

    public long neededMilli() {
        return neededMilli;
    }

    public long availableMilli() {
        return availableMilli;
    }
}
