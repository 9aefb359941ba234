-- Webhooks (spec "Experimental Webhook APIs"): the endpoints clients register, and the durable
-- queue of deliveries that every anim3d process on this database works through.
-- Portable SQL for H2 2.x and PostgreSQL, conventions as in V1 (ids VARCHAR, times BIGINT ms since the epoch).

-- A client's endpoint. Deleting it deletes its deliveries (pending ones are then never sent).
CREATE TABLE webhook_endpoints (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id      VARCHAR(64)   NOT NULL REFERENCES clients (id),
    -- checked by OutboundTargets when stored, and again before every delivery (DNS may change)
    url            VARCHAR(2048) NOT NULL,
    -- JSON array of event type names, e.g. ["job.completed"]
    events_json    VARCHAR(1000) NOT NULL,
    -- HMAC-SHA256 key of the X-Anim3d-Signature header. Answered once, at creation. Kept in clear
    -- because the server signs with it (client secrets, which it only verifies, are hashed instead).
    secret         VARCHAR(128)  NOT NULL,
    created_at_ms  BIGINT        NOT NULL,
    updated_at_ms  BIGINT        NOT NULL
);

CREATE INDEX webhook_endpoints_by_client ON webhook_endpoints (client_id, created_at_ms);

-- One event for one endpoint, sent until a 2xx answer or until the retry schedule is used up.
-- A sender claims a row by a conditional UPDATE that sets lease_until_ms and claimed_by only while
-- no unexpired lease exists, so processes sharing the database never send a row at the same time;
-- a sender that dies leaves a lease that expires and the row is sent again (at least once).
CREATE TABLE webhook_deliveries (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    endpoint_id         VARCHAR(64)   NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    client_id           VARCHAR(64)   NOT NULL REFERENCES clients (id),
    event_type          VARCHAR(64)   NOT NULL,
    -- what the event is about (the rid for job.completed): an event is queued once per endpoint
    subject_id          VARCHAR(64)   NOT NULL,
    -- the exact JSON text sent (UTF-8), which the signature covers; the same on every attempt
    body                VARCHAR(4000) NOT NULL,
    attempts            INTEGER       NOT NULL CHECK (attempts >= 0),
    next_attempt_at_ms  BIGINT        NOT NULL,
    state               VARCHAR(16)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'GAVE_UP')),
    -- HTTP status and reason of the last attempt (NULL status: no answer, e.g. connection refused)
    last_status         INTEGER,
    last_error          VARCHAR(500),
    lease_until_ms      BIGINT,
    claimed_by          VARCHAR(100),
    created_at_ms       BIGINT        NOT NULL,
    finished_at_ms      BIGINT,
    CONSTRAINT webhook_deliveries_once UNIQUE (endpoint_id, event_type, subject_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at_ms);
CREATE INDEX webhook_deliveries_by_client ON webhook_deliveries (client_id, created_at_ms);
