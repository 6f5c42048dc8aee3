-- 被扶養者確認: the insurer's annual verification of dependants. The insured person answers for each current
-- dependant in My Portal; the insurer's administrator accepts (then the dependants no longer dependant lose their
-- eligibility: member.lost_on) or returns it (then the insured answers again). One open or accepted verification per
-- insured person and fiscal year (April to March); a returned one stays as it was, beside its successor.
CREATE TABLE dependant_verification (
    id               uuid        PRIMARY KEY,
    insured_local_id text        NOT NULL,
    fiscal_year      integer     NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2999),
    status           text        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    submitted_at     timestamptz NOT NULL,
    decided_at       timestamptz,
    decided_by       text CHECK (decided_by ~ '^staff:[0-9a-f-]{36}$'),
    decision_reason  text CHECK (length(decision_reason) <= 500),
    CHECK ((status = 'SUBMITTED') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
    CHECK (status <> 'RETURNED' OR decision_reason IS NOT NULL)
);
CREATE UNIQUE INDEX dependant_verification_one_per_year
    ON dependant_verification (insured_local_id, fiscal_year) WHERE status <> 'RETURNED';
CREATE INDEX dependant_verification_queue ON dependant_verification (status, submitted_at);

-- the insured person's answer for one dependant (member.local_id; a member row an import replaces keeps its ID)
CREATE TABLE dependant_answer (
    verification_id   uuid NOT NULL REFERENCES dependant_verification (id),
    dependant_local_id text NOT NULL,
    answer            text NOT NULL CHECK (answer IN ('STILL_DEPENDANT', 'NO_LONGER_DEPENDANT')),
    note              text CHECK (length(note) <= 200),
    PRIMARY KEY (verification_id, dependant_local_id)
);

-- Every write to the insurer's data outside the CSV imports, and every step of a verification: who, for whom (the
-- member's local_id), what, the row before and after, and why. Append-only, as the access log: no row is ever
-- changed or removed, not even by the schema's owner (and the runtime role holds no UPDATE or DELETE on it).
CREATE TABLE write_audit (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    organisation    text,
    role            text,
    action          text        NOT NULL,
    verification_id uuid,
    local_id        text        NOT NULL,
    before          jsonb,
    after           jsonb,
    reason          text
);
CREATE INDEX write_audit_member ON write_audit (local_id, at DESC);
CREATE INDEX write_audit_verification ON write_audit (verification_id);
CREATE FUNCTION write_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'write_audit is append-only';
END;
$$;
CREATE TRIGGER write_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON write_audit
    FOR EACH ROW EXECUTE FUNCTION write_audit_is_append_only();
CREATE TRIGGER write_audit_no_truncate BEFORE TRUNCATE ON write_audit
    FOR EACH STATEMENT EXECUTE FUNCTION write_audit_is_append_only();

-- the current dependants of an insured person: same insurer, symbol and number
CREATE INDEX member_household ON member (insurer_number, symbol, number);
