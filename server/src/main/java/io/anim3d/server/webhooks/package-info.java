/**
 * Webhooks (spec "Experimental Webhook APIs"): the endpoints clients register
 * ({@link io.anim3d.server.webhooks.WebhookRoutes}, stored by {@link io.anim3d.server.webhooks.WebhookStore})
 * and the signed, retried deliveries of {@code job.completed} events
 * ({@link io.anim3d.server.webhooks.WebhookDispatcher}), queued in the database so that any process
 * on it can send them and none sends one twice at the same time.
 */
package io.anim3d.server.webhooks;
