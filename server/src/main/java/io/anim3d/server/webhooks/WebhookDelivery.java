package io.anim3d.server.webhooks;

import java.util.Objects;

/**
 * One event queued for one endpoint.
 *
 * @param subjectId       what the event is about (the rid of {@code job.completed})
 * @param body            the exact JSON text sent on every attempt (its UTF-8 bytes are signed)
 * @param attempts        attempts made so far
 * @param nextAttemptAtMs when a PENDING delivery is due, in ms since the epoch
 * @param lastStatus      HTTP status of the last answer, or null (no attempt yet, or no answer)
 * @param lastError       why the last attempt failed, or null
 */
public record WebhookDelivery(String id, String endpointId, String clientId, String eventType, String subjectId,
                              String body, int attempts, long nextAttemptAtMs, DeliveryState state,
                              Integer lastStatus, String lastError, long createdAtMs, Long finishedAtMs) {
    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
    }
}
