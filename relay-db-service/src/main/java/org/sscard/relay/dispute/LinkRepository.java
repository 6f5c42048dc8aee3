package org.sscard.relay.dispute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.provider.ProviderType;

/**
 * A person's links (their service mappings, whatever the status: this is the one view that shows suspended and
 * removed ones, to the resident themself) and the dispute of one: the mapping suspended and a DISPUTED review opened
 * for its provider.
 */
@Repository
class LinkRepository {

    /** Each mapping with its provider and its newest DISPUTED review, if any. */
    private static final String SELECT = """
            SELECT m.id, m.opaque_id, p.provider_key, p.name_ja, p.name_en, p.provider_type, m.valid_from, m.valid_to,
                   m.status, m.linked_by, r.status, r.opened_at, r.decided_at
            FROM service_mapping m JOIN provider p ON p.id = m.provider_id
            LEFT JOIN LATERAL (SELECT lr.status, lr.opened_at, lr.decided_at FROM link_review lr
                               WHERE lr.mapping_id = m.id AND lr.kind = 'DISPUTED'
                               ORDER BY lr.opened_at DESC, lr.id DESC LIMIT 1) r ON true
            """;

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person's links, newest first, but a REMOVED one whose removal (the decision on its dispute) is older than
     * {@code removedSince}: the resident saw the outcome long enough.
     */
    List<LinkView> ofPerson(long personId, OffsetDateTime removedSince) {
        return jdbc.sql(SELECT + """
                        WHERE m.person_id = :person
                        AND NOT (m.status = 'REMOVED'
                                 AND coalesce(r.decided_at, m.suspended_at, m.created_at) < :since)
                        ORDER BY m.valid_from DESC, m.id DESC""")
                .param("person", personId)
                .param("since", removedSince)
                .query((rs, n) -> row(rs).view())
                .list();
    }

    /** The person's mapping with this ID, locked; empty if it is not theirs. */
    Optional<Row> forUpdate(long personId, UUID mappingId) {
        return jdbc.sql(SELECT + "WHERE m.person_id = :person AND m.opaque_id = :mapping FOR UPDATE OF m")
                .param("person", personId)
                .param("mapping", mappingId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<LinkView> view(long mappingId) {
        return jdbc.sql(SELECT + "WHERE m.id = :id")
                .param("id", mappingId)
                .query((rs, n) -> row(rs).view())
                .optional();
    }

    /** Out of every look-up from now on; {@code suspended_from_status}: what a reinstatement returns it to. */
    void suspend(long mappingId, MappingStatus from, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE service_mapping SET status = 'SUSPENDED', suspended_from_status = :from,
                               suspended_at = :at WHERE id = :id""")
                .param("from", from.name())
                .param("at", at)
                .param("id", mappingId)
                .update();
    }

    /**
     * The DISPUTED review for the provider's administrator, OPEN. No provider record and no candidate of its own: the
     * review queue ({@code relay/linkage}) shows the mapping's record as it was linked (or its ID fields) beside the
     * person the mapping names.
     */
    void openReview(long mappingId, String reason, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO link_review (opaque_id, provider_id, kind, local_id, mapping_id, status, opened_at,
                                                 resident_reason)
                        SELECT :opaque, m.provider_id, 'DISPUTED', m.local_id, m.id, 'OPEN', :at, :reason
                        FROM service_mapping m WHERE m.id = :mapping""")
                .param("opaque", UUID.randomUUID())
                .param("mapping", mappingId)
                .param("at", at)
                .param("reason", reason)
                .update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        String disputeStatus = rs.getString(11);
        LinkView.Dispute dispute = disputeStatus == null
                ? null
                : new LinkView.Dispute(
                        disputeStatus,
                        rs.getObject(12, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(13, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null));
        return new Row(
                rs.getLong(1),
                new LinkView(
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        ProviderType.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        MappingStatus.valueOf(rs.getString(9)),
                        rs.getString(10),
                        dispute));
    }

    /** {@code id}: the mapping's relay-internal row ID. */
    record Row(long id, LinkView view) {}
}
