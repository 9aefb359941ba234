-- Jobs (one row per rid) and db-scheduler's queue table.
-- Portable SQL for H2 2.x and PostgreSQL, conventions as in V1 (times BIGINT ms since the epoch).

-- A job of one client. state is what /status reports, except that QUEUED is answered as PROGRESS
-- (COMPAT.md: clients know only PROGRESS/SUCCESS/FAILURE). A job being retried after a crash stays
-- PROGRESS with attempt > 1; RETRY is never stored.
CREATE TABLE jobs (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id          VARCHAR(64)   NOT NULL REFERENCES clients (id),
    -- the job whose landmarks a rerun reuses (NULL for a job on an upload)
    source_rid         VARCHAR(64),
    -- blob key of the input (the upload), kept for reruns and /download's "input"
    input_key          VARCHAR(400)  NOT NULL,
    input_name         VARCHAR(300)  NOT NULL,
    input_size         BIGINT        NOT NULL,
    input_duration_ms  BIGINT        NOT NULL,
    -- the params entries as sent (JSON array of strings), parsed again by the worker
    params_json        VARCHAR(20000) NOT NULL,
    state              VARCHAR(16)   NOT NULL CHECK (state IN ('QUEUED', 'PROGRESS', 'SUCCESS', 'FAILURE')),
    step               INTEGER       NOT NULL,
    total              INTEGER       NOT NULL CHECK (total > 0),
    attempt            INTEGER       NOT NULL,
    error_code         INTEGER,
    error_type         VARCHAR(100),
    error_message      VARCHAR(2000),
    -- JSON array of sentences about a job that still succeeds (details.warnings)
    warnings_json      VARCHAR(8000) NOT NULL,
    -- JSON array of {"group", "ext", "key", "size"} of the job's files, in /download order
    outputs_json       VARCHAR(20000),
    -- blob key of the landmarks this job produced or reused (reruns and /pesave read it)
    landmarks_key      VARCHAR(400),
    character_name     VARCHAR(200),
    -- credits: estimated (reserved at submit) and charged on success
    cost_milli         BIGINT        NOT NULL CHECK (cost_milli >= 0),
    charged_milli      BIGINT,
    processed_ms       BIGINT,
    created_at_ms      BIGINT        NOT NULL,
    updated_at_ms      BIGINT        NOT NULL,
    started_at_ms      BIGINT,
    finished_at_ms     BIGINT
);

CREATE INDEX jobs_by_client ON jobs (client_id, created_at_ms);
CREATE INDEX jobs_by_state ON jobs (state, created_at_ms);

-- db-scheduler's table (its documented schema; task_data holds the rid as UTF-8).
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100) NOT NULL,
    task_instance         VARCHAR(100) NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN      NOT NULL,
    picked_by             VARCHAR(50),
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INTEGER,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
