package io.anim3d.server.accounts;

/** No credit reservation has the given id. */
public final class UnknownReservationException extends RuntimeException {
    public UnknownReservationException(String reservationId) {
        super("No credit reservation with id '" + reservationId + "'");
    }
}
