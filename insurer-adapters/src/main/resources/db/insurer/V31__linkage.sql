-- Inter-insurer linkage (docs/imports.md, "Joiners and leavers"): what this insurer tells the relay about its joiners
-- and leavers, and what the relay tells it about a new member's previous coverage. The delivery tables are common's
-- (org.sscard.common.linkage: Outbox, Inbox), one set per insurer schema.

-- events for the relay, written in the transaction of the change they describe (consumer 'relay')
CREATE TABLE linkage_outbox (
    position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    consumer    text        NOT NULL,
    type        text        NOT NULL,
    subject     text        NOT NULL,
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id());
CREATE INDEX linkage_outbox_consumer ON linkage_outbox (consumer, position);

-- the events applied from the relay's feed (source 'relay'), and the cursors: of that feed, and of the push of this
-- schema's outbox to the relay (source 'push:relay')
CREATE TABLE linkage_inbox (
    source      text        NOT NULL,
    event_id    uuid        NOT NULL,
    position    bigint      NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (source, event_id));
CREATE TABLE linkage_cursor (
    source     text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL);

-- The five items the relay's gate compares need the address; the provisional SSN names the candidate. Both come from
-- the eligibility file or the administrator's joiner form; the reason of a loss goes to the relay with the date.
ALTER TABLE member
    ADD COLUMN address         text     CHECK (length(address) BETWEEN 1 AND 300),
    ADD COLUMN provisional_ssn char(12) CHECK (provisional_ssn ~ '^[0-9]{12}$'),
    ADD COLUMN loss_reason     text     CHECK (length(loss_reason) BETWEEN 1 AND 200);

-- A re-imported eligibility file that changes a member inserts the new row before it deletes the one it replaces
-- (COPY first, then the coverage delete, in one transaction): the key is checked at commit, when each local ID is
-- there once again. Nothing references member by a foreign key.
ALTER TABLE member DROP CONSTRAINT member_pkey;
ALTER TABLE member ADD CONSTRAINT member_pkey PRIMARY KEY (local_id) DEFERRABLE INITIALLY DEFERRED;

-- A joiner registered by the administrator (the operators' console) comes from no file.
ALTER TABLE member ALTER COLUMN import_id DROP NOT NULL;

-- 資格喪失の連絡: the relay's word that a member's previous coverage (at another insurer, named only) ended. Applied
-- once per event (event_id), in the transaction that records the event in linkage_inbox.
CREATE TABLE previous_coverage (
    id                       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    local_id                 text        NOT NULL,
    previous_insurer_name_ja text        NOT NULL,
    previous_insurer_name_en text        NOT NULL,
    lost_on                  date        NOT NULL,
    event_id                 uuid        NOT NULL UNIQUE,
    received_at              timestamptz NOT NULL
);
CREATE INDEX previous_coverage_member ON previous_coverage (local_id);
CREATE INDEX previous_coverage_received ON previous_coverage (received_at DESC, id DESC);
