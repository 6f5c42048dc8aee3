-- The operators' console (issue 17).

-- A resident's address as registered at the city office, stored normalised (person.Address: NFKC, one ASCII space
-- between words, every dash between address numbers as '-'), so that the same address is always written the same
-- way. NULL for persons registered before: the relay never guesses one.
ALTER TABLE person ADD COLUMN address varchar(300);

-- The insurer's own number (保険者番号), from configuration: an insurer administrator's enrolment puts it on the member's
-- ID, as it is printed on every insurance card of that insurer. NULL for providers that are no insurers.
ALTER TABLE provider ADD COLUMN insurer_number varchar(8)
    CHECK (insurer_number IS NULL OR insurer_number ~ '^([0-9]{6}|[0-9]{8})$');

-- Every status a card has had, oldest first: written on registration and on every status change, in the same
-- transaction; changed_by is the staff member the caller acted for (Sscard-Acting-For, or the operator token's
-- actor), else the calling client.
CREATE TABLE card_status_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id    bigint       NOT NULL REFERENCES card (id),
    status     varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    reason     varchar(200),
    changed_at timestamptz  NOT NULL,
    changed_by varchar(120) NOT NULL
);
CREATE INDEX card_status_history_card ON card_status_history (card_id, changed_at, id);

-- Cards registered before this migration: one row with what is known, their current status since its last change.
INSERT INTO card_status_history (card_id, status, reason, changed_at, changed_by)
SELECT id, status, revocation_reason, status_changed_at, 'relay: recorded before card history (V7)'
FROM card ORDER BY id;

-- The insurer's member list pages through a provider's mappings.
CREATE INDEX service_mapping_provider ON service_mapping (provider_id, person_id);
