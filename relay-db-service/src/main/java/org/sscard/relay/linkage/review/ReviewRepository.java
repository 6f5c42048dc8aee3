package org.sscard.relay.linkage.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.linkage.OpenReviews;
import org.sscard.relay.linkage.ProviderRecord;

/** The review queue as administrators read and decide it, and the disputed mappings their decisions change. */
@Repository
class ReviewRepository {

    private static final String SELECT = """
            SELECT id, opaque_id, kind, local_id, status, opened_at, differences::text, candidate_person_id,
                   mapping_id, provider_record::text, decided_at, decided_by, decision_reason, resident_reason
            FROM link_review
            """;

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** OPEN oldest first; every other status (decided or withdrawn) newest decision first. */
    List<Row> page(long providerId, boolean open, int page, int size) {
        return jdbc.sql(SELECT + "WHERE provider_id = :provider AND "
                        + (open
                                ? "status = 'OPEN' ORDER BY opened_at, id"
                                : "status <> 'OPEN' ORDER BY decided_at DESC, id DESC")
                        + " LIMIT :size OFFSET :offset")
                .param("provider", providerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ReviewRepository::row)
                .list();
    }

    long count(long providerId, boolean open) {
        return jdbc.sql("SELECT count(*) FROM link_review WHERE provider_id = :provider AND "
                        + (open ? "status = 'OPEN'" : "status <> 'OPEN'"))
                .param("provider", providerId)
                .query(Long.class)
                .single();
    }

    /** The review with this ID at this provider only: another provider's review is not found. */
    Optional<Row> find(long providerId, UUID id, boolean forUpdate) {
        return jdbc.sql(SELECT + "WHERE provider_id = :provider AND opaque_id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("provider", providerId)
                .param("id", id)
                .query(ReviewRepository::row)
                .optional();
    }

    void decide(long reviewId, String status, String by, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE link_review SET status = :status, decided_at = :at, decided_by = :by,
                            decision_reason = :reason
                        WHERE id = :id AND status = 'OPEN'""")
                .param("status", status)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .param("id", reviewId)
                .update();
    }

    /** The disputed mapping: whose it is and what the insurer's record was; locked when {@code forUpdate}. */
    DisputedMapping disputedMapping(long mappingId, boolean forUpdate) {
        return jdbc.sql("""
                        SELECT person_id, status, provider_record::text, insurer_number, insurance_symbol,
                               insurance_number, insurance_branch, valid_from
                        FROM service_mapping WHERE id = :id""" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", mappingId)
                .query((rs, n) -> new DisputedMapping(
                        rs.getLong(1),
                        rs.getString(2),
                        ProviderRecord.fromJson(rs.getString(3)),
                        new ProviderRecord(
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                null,
                                rs.getObject(8, LocalDate.class),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)))
                .single();
    }

    /** The administrator confirmed it is not the resident: the mapping is out of every look-up for good. */
    void removeMapping(long mappingId) {
        jdbc.sql("UPDATE service_mapping SET status = 'REMOVED', ended_at = coalesce(ended_at, now()) WHERE id = :id")
                .param("id", mappingId)
                .update();
    }

    /** The administrator checked it is the resident: the mapping returns to what it was before the dispute. */
    void reinstateMapping(long mappingId) {
        jdbc.sql("""
                        UPDATE service_mapping SET status = coalesce(suspended_from_status, 'ACTIVE'),
                            suspended_from_status = NULL, suspended_at = NULL
                        WHERE id = :id AND status = 'SUSPENDED'""").param("id", mappingId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                ReviewKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                instant(rs, 6),
                OpenReviews.differences(rs.getString(7)),
                rs.getObject(8, Long.class),
                rs.getObject(9, Long.class),
                ProviderRecord.fromJson(rs.getString(10)),
                instant(rs, 11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * {@code id}, {@code candidateId}, {@code mappingId}: relay-internal row IDs, never shown; {@code residentNote}:
     * what the resident wrote when they disputed the link (DISPUTED only, optional).
     */
    record Row(
            long id,
            UUID opaqueId,
            ReviewKind kind,
            String localId,
            String status,
            Instant openedAt,
            List<String> differences,
            Long candidateId,
            Long mappingId,
            ProviderRecord record,
            Instant decidedAt,
            String decidedBy,
            String reason,
            String residentNote) {}

    /** {@code record}: as linked (null for a mapping the linkage did not make); {@code idFields}: from the mapping. */
    record DisputedMapping(long personId, String status, ProviderRecord record, ProviderRecord idFields) {}
}
