package io.anim3d.server.accounts;

/**
 * A client's credits, in milli-credits (1 credit = {@link Credits#MILLI_PER_CREDIT}).
 *
 * @param balanceMilli  granted minus charged
 * @param reservedMilli held by open (RESERVED) reservations
 */
public record Balance(String clientId, long balanceMilli, long reservedMilli) {
    /** What a new reservation may take: balance minus open reservations, never negative. */
    public long availableMilli() {
        return balanceMilli - reservedMilli;
    }
}
