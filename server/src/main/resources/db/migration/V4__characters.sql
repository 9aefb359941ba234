-- Custom characters (/character/*): one row per model a client stored.
-- Portable SQL for H2 2.x and PostgreSQL, conventions as in V1 (ids VARCHAR, times BIGINT ms since the epoch).

-- A client's own character. The files live in the blob store under models/<client_id>/<id>/ (the
-- model as model.<model_ext>, the thumbnail as thumb.<png|jpg>); the row holds what reading the
-- model found, so that listing and job submission need not read it again.
CREATE TABLE characters (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_id        VARCHAR(64)  NOT NULL REFERENCES clients (id),
    -- display name only (never part of a path or blob key)
    name             VARCHAR(200) NOT NULL,
    model_key        VARCHAR(400) NOT NULL,
    model_ext        VARCHAR(8)   NOT NULL CHECK (model_ext IN ('fbx', 'glb', 'vrm')),
    model_size       BIGINT       NOT NULL CHECK (model_size > 0),
    -- NULL when the model has no thumbnail
    thumb_key        VARCHAR(400),
    -- the bone-naming convention found: 'mixamo', 'vrm' or 'custom'
    rig_id           VARCHAR(32)  NOT NULL,
    joint_count      INTEGER      NOT NULL CHECK (joint_count > 0),
    has_mesh         BOOLEAN      NOT NULL,
    has_skin         BOOLEAN      NOT NULL,
    created_at_ms    BIGINT       NOT NULL,
    updated_at_ms    BIGINT       NOT NULL
);

CREATE INDEX characters_by_client ON characters (client_id, created_at_ms);
