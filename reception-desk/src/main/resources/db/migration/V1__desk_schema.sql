-- The reception desk's own records. Nothing here names a person beyond this hospital's patient number: never the
-- personal ID, never the provisional SSN, never a name.

-- Every eligibility check, one row each, whatever its outcome (at: when it was answered). Append-only, as every
-- audit table of the platform.
CREATE TABLE check_record (
    id            uuid PRIMARY KEY,
    at            timestamptz NOT NULL,
    clerk         text NOT NULL,
    clerk_name    text,
    organisation  text NOT NULL,
    role          text NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('PAGE', 'API')),
    method        text NOT NULL CHECK (method IN ('CARD', 'SSN')),
    reason        text CHECK (reason IN ('CARD_UNREADABLE', 'CARD_FORGOTTEN')),
    outcome       text NOT NULL CHECK (outcome IN ('VALID', 'LOST', 'LOST_WITH_NEW_COVERAGE_KNOWN', 'NONE', 'SEVERAL',
                                                   'REFUSED', 'NOT_COMPLETED')),
    refusal       text CHECK (refusal IN ('CARD_REVOKED', 'CARD_SUSPENDED', 'CARD_EXPIRED', 'CARD_UNKNOWN',
                                          'NOT_MATCHED')),
    patient_number text,
    insurer       text,
    statement_id  uuid,
    CHECK ((outcome = 'REFUSED') = (refusal IS NOT NULL)),
    CHECK ((method = 'SSN') = (reason IS NOT NULL))
);
CREATE INDEX check_record_clerk_time ON check_record (clerk, at);
CREATE INDEX check_record_organisation_time ON check_record (organisation, at);

CREATE FUNCTION check_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'check_record is append-only';
END;
$$;
CREATE TRIGGER check_record_no_change BEFORE UPDATE OR DELETE ON check_record
    FOR EACH ROW EXECUTE FUNCTION check_record_append_only();
CREATE TRIGGER check_record_no_truncate BEFORE TRUNCATE ON check_record
    FOR EACH STATEMENT EXECUTE FUNCTION check_record_append_only();

-- The rate limit's slots: one per check a clerk started, counted in a sliding window under a per-clerk advisory
-- lock. Working state, not evidence: slots older than the window are deleted.
CREATE TABLE check_slot (
    clerk     text NOT NULL,
    taken_at  timestamptz NOT NULL
);
CREATE INDEX check_slot_clerk_time ON check_slot (clerk, taken_at);

-- A clerk who went over the rate limit, at most one row per clerk and window; the hospital administrator lists them.
-- Evidence, so append-only too.
CREATE TABLE clerk_flag (
    id            uuid PRIMARY KEY,
    at            timestamptz NOT NULL,
    clerk         text NOT NULL,
    clerk_name    text,
    organisation  text NOT NULL,
    checks_in_window integer NOT NULL,
    max_checks    integer NOT NULL,
    window_seconds bigint NOT NULL
);
CREATE INDEX clerk_flag_organisation_time ON clerk_flag (organisation, at DESC);
CREATE INDEX clerk_flag_clerk_time ON clerk_flag (clerk, at);

CREATE FUNCTION clerk_flag_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'clerk_flag is append-only';
END;
$$;
CREATE TRIGGER clerk_flag_no_change BEFORE UPDATE OR DELETE ON clerk_flag
    FOR EACH ROW EXECUTE FUNCTION clerk_flag_append_only();
CREATE TRIGGER clerk_flag_no_truncate BEFORE TRUNCATE ON clerk_flag
    FOR EACH STATEMENT EXECUTE FUNCTION clerk_flag_append_only();
