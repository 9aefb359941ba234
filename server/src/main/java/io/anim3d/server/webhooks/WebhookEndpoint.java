package io.anim3d.server.webhooks;

import java.util.List;
import java.util.Objects;

/**
 * A stored endpoint of one client.
 *
 * @param url    the checked, whitespace-stripped URL events are POSTed to
 * @param events the subscribed event types, without duplicates, in the order the client sent them
 * @param secret the HMAC key of {@code X-Anim3d-Signature}; handed to the client only when created
 */
public record WebhookEndpoint(String id, String clientId, String url, List<String> events, String secret,
                              long createdAtMs, long updatedAtMs) {
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = List.copyOf(events);
    }

    public boolean subscribes(String eventType) {
        return events.contains(eventType);
    }

    /** Never print the secret (logs, assertion messages). */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", clientId=" + clientId + ", url=" + url + ", events=" + events + "]";
    }
}
