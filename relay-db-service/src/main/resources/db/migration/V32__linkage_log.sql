-- Inter-insurer linkage (issue 18), the relay's side: what it received from and sent to each insurer, for the
-- insurer's administrator (GET /api/v1/providers/{key}/linkage-log). Subjects are that insurer's own local IDs only.
-- outcome, for RECEIVED: LINKED (five items agree), IN_REVIEW, ALREADY_LINKED, ENDED_MAPPING, NO_MAPPING (a leaver
-- the relay has no current mapping for), DUPLICATE (an event delivered again: applied once); NULL for SENT.
CREATE TABLE linkage_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id bigint       NOT NULL REFERENCES provider (id),
    at          timestamptz  NOT NULL,
    direction   varchar(8)   NOT NULL CHECK (direction IN ('RECEIVED', 'SENT')),
    event_id    uuid         NOT NULL,
    type        varchar(40)  NOT NULL,
    subject     varchar(200) NOT NULL,
    outcome     varchar(16)  CHECK (outcome IN ('LINKED', 'IN_REVIEW', 'ALREADY_LINKED', 'ENDED_MAPPING', 'NO_MAPPING',
                                                'DUPLICATE')),
    CHECK ((direction = 'SENT') = (outcome IS NULL))
);
CREATE INDEX linkage_log_provider ON linkage_log (provider_id, id DESC);

-- The insurer's record as the linkage linked it (the five items, the ID fields, the acquisition date), for a mapping
-- made AUTOMATIC or REVIEWED: when the resident later says "this is not me", the review shows it beside the relay's
-- record. NULL for every other mapping.
ALTER TABLE service_mapping ADD COLUMN provider_record jsonb;
