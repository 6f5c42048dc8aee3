package org.sscard.relay.linkage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review queue as the joiner and leaver effects write it: at most one open MISMATCH or NO_CANDIDATE review per
 * insurer record (the index {@code link_review_open_record}); a newer joiner event for the same record withdraws it.
 */
@Repository
public class OpenReviews {

    static final String MISMATCH = "MISMATCH";
    static final String NO_CANDIDATE = "NO_CANDIDATE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    OpenReviews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The open MISMATCH or NO_CANDIDATE review of this insurer record, locked. */
    Optional<OpenReview> openFor(long providerId, String localId) {
        return jdbc.sql("""
                        SELECT id, kind, candidate_person_id, provider_record::text, differences::text FROM link_review
                        WHERE provider_id = :provider AND local_id = :local AND status = 'OPEN' AND kind <> 'DISPUTED'
                        FOR UPDATE""")
                .param("provider", providerId)
                .param("local", localId)
                .query((rs, n) -> new OpenReview(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        ProviderRecord.fromJson(rs.getString(4)),
                        differences(rs.getString(5))))
                .optional();
    }

    void open(
            long providerId,
            String kind,
            String localId,
            Long candidateId,
            ProviderRecord record,
            List<String> differences,
            UUID eventId) {
        jdbc.sql("""
                        INSERT INTO link_review (opaque_id, provider_id, kind, local_id, candidate_person_id,
                            provider_record, differences, source_event_id, status, opened_at)
                        VALUES (:opaque, :provider, :kind, :local, :candidate, CAST(:record AS jsonb),
                                CAST(:differences AS jsonb), :event, 'OPEN', :now)""")
                .param("opaque", UUID.randomUUID())
                .param("provider", providerId)
                .param("kind", kind)
                .param("local", localId)
                .param("candidate", candidateId)
                .param("record", record.toJson())
                .param("differences", json(differences))
                .param("event", eventId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Closes a review a newer joiner event for the same record replaced (the relay decided, not a person). */
    void withdraw(long reviewId, String reason) {
        jdbc.sql("""
                        UPDATE link_review SET status = 'WITHDRAWN', decided_at = :now, decided_by = 'relay',
                            decision_reason = :reason
                        WHERE id = :id AND status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason)
                .param("id", reviewId)
                .update();
    }

    /** The insurer registered the loss of a record still in review: a later LINK makes the mapping ended. */
    void replaceRecord(long reviewId, ProviderRecord record) {
        jdbc.sql("UPDATE link_review SET provider_record = CAST(:record AS jsonb) WHERE id = :id")
                .param("record", record.toJson())
                .param("id", reviewId)
                .update();
    }

    static String json(List<String> differences) {
        try {
            return JSON.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The differences stored as a JSON array of item codes. */
    public static List<String> differences(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored differences are not a JSON array of codes", e);
        }
    }

    /** {@code candidateId}: null for NO_CANDIDATE. */
    record OpenReview(long id, String kind, Long candidateId, ProviderRecord record, List<String> differences) {}
}
