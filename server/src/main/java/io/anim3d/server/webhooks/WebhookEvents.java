package io.anim3d.server.webhooks;

import java.util.List;

/** The event types an endpoint can subscribe to. The spec defines one. */
public final class WebhookEvents {
    /** A job reached SUCCESS or FAILURE; data {@code {"taskId": <rid>, "status": "success"|"failure"}}. */
    public static final String JOB_COMPLETED = "job.completed";
    /** Every known type, in the order error messages list them. */
    public static final List<String> ALL = List.of(JOB_COMPLETED);

    private WebhookEvents() {
    }

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }
}
