package org.sscard.adapters.dependants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.adapters.provider.Provider;

/** The verifications and their answers in one insurer's schema. */
@Repository
class Verifications {

    private static final String COLUMNS =
            "id, insured_local_id, fiscal_year, status, submitted_at, decided_at, decided_by, decision_reason";

    private final JdbcClient jdbc;

    Verifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The insured person's newest verification of the fiscal year, whatever its status. */
    Optional<Verification> latest(Provider provider, String insuredLocalId, int fiscalYear) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("dependant_verification")
                        + " WHERE insured_local_id = ? AND fiscal_year = ? ORDER BY submitted_at DESC, id LIMIT 1")
                .params(insuredLocalId, fiscalYear)
                .query(Verifications::row)
                .optional()
                .map(v -> withAnswers(provider, List.of(v)).get(0));
    }

    Optional<Verification> find(Provider provider, UUID id) {
        return one(provider, id, "");
    }

    /** The verification, locked until the transaction ends: two decisions on it never interleave. */
    Optional<Verification> lock(Provider provider, UUID id) {
        return one(provider, id, " FOR UPDATE");
    }

    /** A page, oldest submission first; {@code status} null: every status. */
    List<Verification> page(Provider provider, Status status, int page, int size) {
        return withAnswers(
                provider,
                jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("dependant_verification")
                                + " WHERE (?::text IS NULL OR status = ?::text) ORDER BY submitted_at, id"
                                + " LIMIT ? OFFSET ?")
                        .params(name(status), name(status), size, (long) page * size)
                        .query(Verifications::row)
                        .list());
    }

    long count(Provider provider, Status status) {
        return jdbc.sql("SELECT count(*) FROM " + provider.table("dependant_verification")
                        + " WHERE (?::text IS NULL OR status = ?::text)")
                .params(name(status), name(status))
                .query(Long.class)
                .single();
    }

    void insert(Provider provider, Verification verification) {
        jdbc.sql("INSERT INTO " + provider.table("dependant_verification")
                        + " (id, insured_local_id, fiscal_year, status, submitted_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        verification.id(),
                        verification.insuredLocalId(),
                        verification.fiscalYear(),
                        verification.status().name(),
                        Timestamp.from(verification.submittedAt()))
                .update();
        for (Verification.StoredAnswer answer : verification.answers()) {
            jdbc.sql("INSERT INTO " + provider.table("dependant_answer")
                            + " (verification_id, dependant_local_id, answer, note) VALUES (?, ?, ?, ?)")
                    .params(
                            verification.id(),
                            answer.dependantLocalId(),
                            answer.answer().name(),
                            answer.note())
                    .update();
        }
    }

    /** Decides a submitted verification; false when it was not (or no longer) SUBMITTED. */
    boolean decide(Provider provider, UUID id, Status status, Instant at, String by, String reason) {
        return jdbc.sql("UPDATE " + provider.table("dependant_verification")
                                + " SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ?"
                                + " WHERE id = ? AND status = 'SUBMITTED'")
                        .params(status.name(), Timestamp.from(at), by, reason, id)
                        .update()
                == 1;
    }

    private Optional<Verification> one(Provider provider, UUID id, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("dependant_verification") + " WHERE id = ?"
                        + lock)
                .param(id)
                .query(Verifications::row)
                .optional()
                .map(v -> withAnswers(provider, List.of(v)).get(0));
    }

    private List<Verification> withAnswers(Provider provider, List<Verification> verifications) {
        if (verifications.isEmpty()) {
            return verifications;
        }
        Map<UUID, List<Verification.StoredAnswer>> answers = new LinkedHashMap<>();
        verifications.forEach(v -> answers.put(v.id(), new ArrayList<>()));
        jdbc.sql("SELECT verification_id, dependant_local_id, answer, note FROM " + provider.table("dependant_answer")
                        + " WHERE verification_id = ANY (?::uuid[]) ORDER BY dependant_local_id")
                .param(answers.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    answers.get(rs.getObject("verification_id", UUID.class))
                            .add(new Verification.StoredAnswer(
                                    rs.getString("dependant_local_id"),
                                    Answer.valueOf(rs.getString("answer")),
                                    rs.getString("note")));
                });
        return verifications.stream()
                .map(v -> v.withAnswers(List.copyOf(answers.get(v.id()))))
                .toList();
    }

    private static String name(Status status) {
        return status == null ? null : status.name();
    }

    private static Verification row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Verification(
                rs.getObject("id", UUID.class),
                rs.getString("insured_local_id"),
                rs.getInt("fiscal_year"),
                Status.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                rs.getString("decision_reason"),
                List.of());
    }
}
