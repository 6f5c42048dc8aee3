-- The console's own record: what each operator did, one row when an action is asked and one when it is answered
-- (the second names the first as request_id). Everything else lives in the registers of the services the console
-- asks. Nothing secret is ever written here: no PIN, no PKCS#12, no enrolment code, no provisional SSN, no name.

CREATE TABLE admin_action (
    id            uuid PRIMARY KEY,
    -- the ASKED row's id: ties an outcome to what was asked (an ASKED row names itself)
    request_id    uuid NOT NULL,
    at            timestamptz NOT NULL,
    -- who: the staff member's opaque ID (the ID token's sub), name as the token gave it, role and organisation
    staff_id      text NOT NULL,
    staff_name    text,
    role          text NOT NULL CHECK (role IN ('CITY_ADMIN', 'INSURER_ADMIN')),
    organisation  text NOT NULL,
    -- for whom: a person's opaque relay ID, or a provider key (an insurer's members and files); NULL for a search
    -- that found nobody
    acting_for    text,
    action        text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('ASKED', 'DONE', 'REFUSED', 'FAILED')),
    -- the back end's problem code when it refused (e.g. DUPLICATE_PERSON), or why it failed
    problem       text,
    before        jsonb,
    after         jsonb,
    reason        text CHECK (length(reason) <= 500),
    CHECK ((outcome = 'ASKED') = (id = request_id)),
    CHECK (outcome IN ('REFUSED', 'FAILED') OR problem IS NULL)
);
CREATE INDEX admin_action_staff_time ON admin_action (staff_id, at);
CREATE INDEX admin_action_acting_for_time ON admin_action (acting_for, at);
CREATE INDEX admin_action_organisation_time ON admin_action (organisation, at);

-- Append-only: common's AppendOnlyTables finds the table by this function's name and revokes UPDATE, DELETE and
-- TRUNCATE from every role but the owner after each migration; the trigger stops the owner too.
CREATE FUNCTION admin_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_action is append-only';
END;
$$;
CREATE TRIGGER admin_action_no_change BEFORE UPDATE OR DELETE ON admin_action
    FOR EACH ROW EXECUTE FUNCTION admin_action_append_only();
CREATE TRIGGER admin_action_no_truncate BEFORE TRUNCATE ON admin_action
    FOR EACH STATEMENT EXECUTE FUNCTION admin_action_append_only();
