-- One chain per provider schema (docs/security.md, "Tamper-evident audit"): this migration runs in each provider's
-- own schema, as its others do, and makes that provider's link and checkpoint tables; the functions below find them
-- through their search_path, fixed to the provider's schema (Flyway's default schema here), never the caller's.
-- Tamper-evident audit (docs/security.md, "Tamper-evident audit"): the service's chainer links every committed row of
-- the audit tables into one hash chain, in the order it sees them commit, and signs the chain's head now and then.
-- Both tables are append-only like the audit tables themselves; only the database owner, inside an explicit expiry
-- (bin/sscard-audit expire), may delete the oldest segment up to a signed checkpoint.
CREATE TABLE audit_chain_link (
    seq           bigint      PRIMARY KEY CHECK (seq > 0),
    audited_table varchar(63) NOT NULL,
    row_id        bigint      NOT NULL,
    row_hash      bytea       NOT NULL CHECK (octet_length(row_hash) = 32),
    prev_hash     bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
    link_hash     bytea       NOT NULL CHECK (octet_length(link_hash) = 32),
    linked_at     timestamptz NOT NULL DEFAULT now(),
    -- each audit row is linked exactly once
    UNIQUE (audited_table, row_id)
);

CREATE TABLE audit_chain_checkpoint (
    seq       bigint      PRIMARY KEY CHECK (seq > 0),
    link_hash bytea       NOT NULL CHECK (octet_length(link_hash) = 32),
    made_at   timestamptz NOT NULL,
    key_id    varchar(64) NOT NULL,
    signature bytea       NOT NULL
);

-- An expiry is a transaction of the tables' owner that names, in sscard.audit_expiry_through, a checkpoint's seq: it
-- may delete the links up to that seq, the audit rows they link and the checkpoints before it. Nothing else, and no
-- one else (the runtime role holds no DELETE privilege anyway, and a setting alone makes no one the owner).
CREATE FUNCTION audit_chain_expiry_allows(relation oid, old_row jsonb) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    through bigint := nullif(current_setting('sscard.audit_expiry_through', true), '')::bigint;
BEGIN
    IF through IS NULL
        OR current_user <> (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = relation)
        OR NOT EXISTS (SELECT 1 FROM audit_chain_checkpoint WHERE seq = through) THEN
        RETURN false;
    END IF;
    IF relation = 'audit_chain_link'::regclass THEN
        RETURN (old_row ->> 'seq')::bigint <= through;
    ELSIF relation = 'audit_chain_checkpoint'::regclass THEN
        RETURN (old_row ->> 'seq')::bigint < through;
    END IF;
    RETURN EXISTS (SELECT 1 FROM audit_chain_link l
                   WHERE l.audited_table = (SELECT c.relname FROM pg_class c WHERE c.oid = relation)
                     AND l.row_id = (old_row ->> 'id')::bigint AND l.seq <= through);
END;
$$;

-- Refuses every UPDATE and TRUNCATE, and every DELETE but an expiry's.
CREATE FUNCTION audit_chain_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND audit_chain_expiry_allows(TG_RELID, to_jsonb(OLD)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_chain_link_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_chain_link
    FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();
CREATE TRIGGER audit_chain_link_no_truncate BEFORE TRUNCATE ON audit_chain_link
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_append_only();
CREATE TRIGGER audit_chain_checkpoint_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();
CREATE TRIGGER audit_chain_checkpoint_no_truncate BEFORE TRUNCATE ON audit_chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_append_only();

-- The access log's own triggers now let an expiry through as well (the function keeps its name and its triggers).
CREATE OR REPLACE FUNCTION access_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, "${flyway:defaultSchema}", pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND audit_chain_expiry_allows(TG_RELID, to_jsonb(OLD)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
