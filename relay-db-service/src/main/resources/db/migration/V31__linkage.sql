-- Inter-insurer linkage (issue 18): joiners and leavers from the insurers, the five-item linkage quality gate, the
-- review queue and the resident's "this is not me". docs/linkage.md.

-- Events the insurers pushed, by ID (source = 'provider:<key>'): an event delivered twice is applied once. The cursor
-- table is the shape common.linkage.Inbox expects; the relay itself pulls nothing, so it stays empty.
CREATE TABLE linkage_inbox (
    source      text        NOT NULL,
    event_id    uuid        NOT NULL,
    position    bigint      NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE TABLE linkage_cursor (
    source     text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

-- What the relay tells each consumer (consumer = a provider key), committed with the change that caused it; read
-- through GET /api/v1/linkage/feed/{key} (common.linkage.Outbox: rows of finished transactions only).
CREATE TABLE linkage_outbox (
    position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    consumer    text        NOT NULL,
    type        text        NOT NULL,
    subject     text        NOT NULL,
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX linkage_outbox_consumer ON linkage_outbox (consumer, position);

-- A mapping can be suspended (the resident said "this is not me": no tile, no SSO, no token exchange, no desk
-- look-up through it) and removed (the provider's administrator confirmed it was not theirs).
ALTER TABLE service_mapping ALTER COLUMN status TYPE varchar(16);
ALTER TABLE service_mapping DROP CONSTRAINT service_mapping_status_check;
ALTER TABLE service_mapping ADD CONSTRAINT service_mapping_status_check
    CHECK (status IN ('ACTIVE', 'ENDED', 'SUSPENDED', 'REMOVED'));
-- the status a suspended mapping returns to when the administrator reinstates it (ACTIVE or ENDED)
ALTER TABLE service_mapping ADD COLUMN suspended_from_status varchar(8);
ALTER TABLE service_mapping ADD COLUMN suspended_at timestamptz;
-- how the mapping came to be: MANUAL (city office, demo, earlier), AUTOMATIC (five items agreed), REVIEWED (an
-- administrator decided in the review queue)
ALTER TABLE service_mapping ADD COLUMN linked_by varchar(12) NOT NULL DEFAULT 'MANUAL'
    CHECK (linked_by IN ('MANUAL', 'AUTOMATIC', 'REVIEWED'));

-- The review queue: a joiner the gate would not link (MISMATCH: the candidate found by provisional SSN differs in or
-- lacks one of the five items; NO_CANDIDATE: no registered resident has that number, or none was given), or a link
-- the resident disputed (DISPUTED). provider_record: the provider's values as they arrived (the five items, the ID
-- fields, the acquisition date); differences: the items that differ or are missing, e.g. ["ADDRESS"].
CREATE TABLE link_review (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opaque_id        uuid         NOT NULL UNIQUE,
    provider_id      bigint       NOT NULL REFERENCES provider (id),
    kind             varchar(16)  NOT NULL CHECK (kind IN ('MISMATCH', 'NO_CANDIDATE', 'DISPUTED')),
    local_id         varchar(200) NOT NULL,
    candidate_person_id bigint    REFERENCES person (id),
    mapping_id       bigint       REFERENCES service_mapping (id),
    provider_record  jsonb,
    differences      jsonb        NOT NULL DEFAULT '[]',
    source_event_id  uuid,
    status           varchar(24)  NOT NULL CHECK (status IN ('OPEN', 'LINKED', 'REJECTED', 'CONFIRMED_NOT_THEIRS',
                                                             'REINSTATED', 'WITHDRAWN')),
    opened_at        timestamptz  NOT NULL,
    decided_at       timestamptz,
    decided_by       varchar(120),
    decision_reason  varchar(500),
    CHECK (kind <> 'DISPUTED' OR mapping_id IS NOT NULL),
    CHECK ((status = 'OPEN') = (decided_at IS NULL))
);
CREATE INDEX link_review_provider ON link_review (provider_id, status, opened_at);
-- one open review per provider record, one open dispute per mapping
CREATE UNIQUE INDEX link_review_open_record ON link_review (provider_id, local_id) WHERE status = 'OPEN' AND kind <> 'DISPUTED';
CREATE UNIQUE INDEX link_review_open_dispute ON link_review (mapping_id) WHERE status = 'OPEN' AND kind = 'DISPUTED';
