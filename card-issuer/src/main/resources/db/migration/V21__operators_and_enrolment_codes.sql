-- Operators (issue 17): a staff member acting through the operators' console is named in the CA's audit trail beside
-- the client (actor), and an enrolment code lets a resident's own PKCS#11 token be certified at the counter.

-- The staff member an operator token acts for: opaque staff ID, role and organisation, all or none.
ALTER TABLE issuer_audit
    ADD COLUMN operator_staff_id     uuid,
    ADD COLUMN operator_role         varchar(20),
    ADD COLUMN operator_organisation varchar(40),
    ADD CONSTRAINT issuer_audit_operator_all_or_none CHECK (
        (operator_staff_id IS NULL) = (operator_role IS NULL)
        AND (operator_staff_id IS NULL) = (operator_organisation IS NULL));
CREATE INDEX issuer_audit_operator ON issuer_audit (operator_staff_id) WHERE operator_staff_id IS NOT NULL;

-- One enrolment code: only its SHA-256 is kept (the code itself is shown once, to the operator), bound to the person
-- (relay opaque ID) and the operator who made it; single use: consumed by one UPDATE ... WHERE used_at IS NULL AND
-- expires_at > now() RETURNING, which also names the card it certified.
CREATE TABLE enrolment_code (
    code_sha256       char(64)    PRIMARY KEY CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
    person_id         uuid        NOT NULL,
    operator_staff_id uuid        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz,
    used_card_serial  varchar(40) CHECK (used_card_serial ~ '^[A-Za-z0-9-]{4,40}$'),
    CHECK (expires_at > created_at),
    CHECK ((used_at IS NULL) = (used_card_serial IS NULL))
);
CREATE INDEX enrolment_code_person ON enrolment_code (person_id);

-- Redemption attempts per client address (the open path's rate limit): a sliding window, pruned as it slides.
CREATE TABLE enrolment_redeem_attempt (
    address varchar(45) NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX enrolment_redeem_attempt_address ON enrolment_redeem_attempt (address, at);
