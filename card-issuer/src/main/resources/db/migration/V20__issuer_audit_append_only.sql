-- The issuer's audit trail is append-only, as every audit table of the platform: no row is ever changed or removed,
-- not even by the table's owner. (The service's runtime role owns nothing here, so it cannot drop this trigger.)
CREATE FUNCTION issuer_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issuer_audit is append-only';
END;
$$;
CREATE TRIGGER issuer_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON issuer_audit
    FOR EACH ROW EXECUTE FUNCTION issuer_audit_is_append_only();
CREATE TRIGGER issuer_audit_no_truncate BEFORE TRUNCATE ON issuer_audit
    FOR EACH STATEMENT EXECUTE FUNCTION issuer_audit_is_append_only();
