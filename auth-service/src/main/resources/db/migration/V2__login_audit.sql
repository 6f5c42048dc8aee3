-- Every card-login attempt and every fail-open revocation decision, one row each. Never the personal ID or the
-- certificate subject: the serial (with the issuer) finds the card, the subject is the relay's opaque ID.
CREATE TABLE login_audit (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 timestamptz  NOT NULL DEFAULT now(),
    event              varchar(40)  NOT NULL CHECK (event IN ('card-login', 'revocation-fail-open')),
    outcome            varchar(16)  NOT NULL CHECK (outcome IN ('success', 'failure')),
    -- the LoginRefusal name on a refused login; REVOCATION_UNKNOWN on a fail-open acceptance
    reason             varchar(40),
    -- the certificate validator's RejectReason name when the path check refused the card
    validator_reason   varchar(40),
    login_profile      varchar(16),
    certificate_serial varchar(64),
    certificate_issuer varchar(500),
    client_address     varchar(64),
    subject            varchar(64)
);
CREATE INDEX login_audit_at ON login_audit (at DESC);
CREATE INDEX login_audit_certificate ON login_audit (certificate_serial);

CREATE FUNCTION login_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'login_audit is append-only';
END;
$$;
CREATE TRIGGER login_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON login_audit
    FOR EACH ROW EXECUTE FUNCTION login_audit_is_append_only();
CREATE TRIGGER login_audit_no_truncate BEFORE TRUNCATE ON login_audit
    FOR EACH STATEMENT EXECUTE FUNCTION login_audit_is_append_only();
