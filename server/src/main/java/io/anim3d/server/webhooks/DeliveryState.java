package io.anim3d.server.webhooks;

/** Where a delivery is: waiting for its (next) attempt, answered with a 2xx, or out of attempts. */
public enum DeliveryState {
    PENDING, DELIVERED, GAVE_UP
}
