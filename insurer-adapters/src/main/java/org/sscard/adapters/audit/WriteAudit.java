package org.sscard.adapters.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sscard.adapters.provider.Provider;

/**
 * Each insurer's append-only record of the writes to its data that are not CSV imports (the imports have their own
 * record, {@code import_file}), and of each step of a dependant verification: who, the member's local ID, what, the
 * row's fields before and after (JSON), why. Written in the same transaction as the write it records.
 */
@Service
public class WriteAudit {

    /** One row as the operators' side reads it back. */
    public record Entry(
            Instant at,
            String actor,
            String organisation,
            String role,
            String action,
            UUID verificationId,
            String localId,
            JsonNode before,
            JsonNode after,
            String reason) {}

    /** Who wrote: {@code staff:<id>} with role and organisation, or the insured person. */
    public record Writer(String actor, String organisation, String role) {}

    /** Its own mapper: a field that was empty (null) is recorded as null, not left out as the API's JSON does. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    WriteAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            Provider provider,
            Instant at,
            Writer writer,
            String action,
            UUID verification,
            String localId,
            Map<String, ?> before,
            Map<String, ?> after,
            String reason) {
        jdbc.sql("INSERT INTO " + provider.table("write_audit")
                        + " (at, actor, organisation, role, action, verification_id, local_id, before, after, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)")
                .params(
                        Timestamp.from(at),
                        writer.actor(),
                        writer.organisation(),
                        writer.role(),
                        action,
                        verification,
                        localId,
                        text(before),
                        text(after),
                        reason)
                .update();
    }

    /** A verification's rows, oldest first. */
    public List<Entry> forVerification(Provider provider, UUID verification) {
        return jdbc.sql("SELECT at, actor, organisation, role, action, verification_id, local_id, before::text AS b,"
                        + " after::text AS a, reason FROM " + provider.table("write_audit")
                        + " WHERE verification_id = ? ORDER BY id")
                .param(verification)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("organisation"),
                        rs.getString("role"),
                        rs.getString("action"),
                        rs.getObject("verification_id", UUID.class),
                        rs.getString("local_id"),
                        tree(rs.getString("b")),
                        tree(rs.getString("a")),
                        rs.getString("reason")))
                .list();
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit holds JSON the database accepted", e);
        }
    }

    private String text(Map<String, ?> fields) {
        if (fields == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit's JSON", e);
        }
    }
}
