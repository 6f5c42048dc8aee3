package org.sscard.relay.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.provider.IdScheme;

@Repository
class MappingRepository {

    private static final String SELECT = """
            SELECT m.id, m.person_id, m.opaque_id, p.provider_key, p.id_scheme, m.insurer_number,
                   m.insurance_symbol, m.insurance_number, m.insurance_branch, m.local_number, m.valid_from,
                   m.valid_to, m.status, m.end_reason
            FROM service_mapping m JOIN provider p ON p.id = m.provider_id
            """;
    /**
     * The mappings a look-up may see: a SUSPENDED one (the resident said it is not them) or a REMOVED one (the
     * provider confirmed it) resolves, releases and lists nothing (issue 18).
     */
    private static final String VISIBLE = " AND m.status IN ('ACTIVE', 'ENDED')";
    /**
     * The mappings that still hold their period and ID against a new registration: a SUSPENDED one may be reinstated,
     * a REMOVED one never comes back.
     */
    private static final String HELD = " AND m.status <> 'REMOVED'";
    /** Inclusive ranges, open end as infinity: [from, to] overlaps [from2, to2]. */
    private static final String OVERLAPS = " AND m.valid_from <= coalesce(:to, 'infinity'::date)"
            + " AND coalesce(m.valid_to, 'infinity'::date) >= :from";

    private final JdbcClient jdbc;

    MappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long personId, long providerId, ProviderLocalId id, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        INSERT INTO service_mapping (opaque_id, person_id, provider_id, local_id, insurer_number,
                            insurance_symbol, insurance_number, insurance_branch, local_number, valid_from, valid_to,
                            status)
                        VALUES (:opaque, :person, :provider, :canonical, :insurer, :symbol, :number, :branch, :local,
                                :from, :to, 'ACTIVE') RETURNING id""")
                .param("opaque", UUID.randomUUID())
                .param("person", personId)
                .param("provider", providerId)
                .param("canonical", id.canonical())
                .param("insurer", id.insurerNumber())
                .param("symbol", id.symbol())
                .param("number", id.number())
                .param("branch", id.branch())
                .param("local", id.localNumber())
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    boolean personHasOverlap(long personId, long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM service_mapping m WHERE m.person_id = :person"
                                + " AND m.provider_id = :provider" + HELD + OVERLAPS)
                        .param("person", personId)
                        .param("provider", providerId)
                        .param("from", from)
                        .param("to", to)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean localIdTakenByOther(long personId, long providerId, String canonical, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM service_mapping m WHERE m.provider_id = :provider"
                                + " AND m.local_id = :canonical AND m.person_id <> :person" + HELD + OVERLAPS)
                        .param("person", personId)
                        .param("provider", providerId)
                        .param("canonical", canonical)
                        .param("from", from)
                        .param("to", to)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void end(long mappingId, LocalDate validTo, String reason) {
        jdbc.sql("""
                        UPDATE service_mapping SET valid_to = :to, status = 'ENDED', end_reason = :reason,
                               ended_at = now() WHERE id = :id""")
                .param("to", validTo)
                .param("reason", reason)
                .param("id", mappingId)
                .update();
    }

    List<Row> ofPerson(long personId) {
        return jdbc.sql(SELECT + "WHERE m.person_id = :person" + VISIBLE + " ORDER BY p.provider_key, m.valid_from")
                .param("person", personId)
                .query(MappingRepository::row)
                .list();
    }

    Optional<Row> byOpaqueId(long personId, UUID mappingId) {
        return jdbc.sql(SELECT + "WHERE m.person_id = :person AND m.opaque_id = :id" + VISIBLE)
                .param("person", personId)
                .param("id", mappingId)
                .query(MappingRepository::row)
                .optional();
    }

    Optional<Row> validAt(long personId, String providerKey, LocalDate at) {
        return jdbc.sql(SELECT + "WHERE m.person_id = :person AND p.provider_key = :provider" + VISIBLE
                        + " AND m.valid_from <= :at AND coalesce(m.valid_to, 'infinity'::date) >= :at")
                .param("person", personId)
                .param("provider", providerKey)
                .param("at", at)
                .query(MappingRepository::row)
                .optional();
    }

    Optional<Row> byLocalIdAt(long providerId, String canonical, LocalDate at) {
        return jdbc.sql(SELECT + "WHERE m.provider_id = :provider AND m.local_id = :canonical" + VISIBLE
                        + " AND m.valid_from <= :at AND coalesce(m.valid_to, 'infinity'::date) >= :at")
                .param("provider", providerId)
                .param("canonical", canonical)
                .param("at", at)
                .query(MappingRepository::row)
                .optional();
    }

    /**
     * The hot path of resolve: the person and their mapping valid on the day, in one primary-key look-up.
     * Empty: no such person; a resolution without a row: the person has no ID at the provider on that day.
     */
    Optional<Resolution> resolve(UUID personOpaqueId, String providerKey, LocalDate at) {
        return jdbc.sql("""
                        SELECT per.id, m.id, m.person_id, m.opaque_id, p.provider_key, p.id_scheme, m.insurer_number,
                               m.insurance_symbol, m.insurance_number, m.insurance_branch, m.local_number,
                               m.valid_from, m.valid_to, m.status, m.end_reason
                        FROM person per
                        LEFT JOIN provider p ON p.provider_key = :provider
                        LEFT JOIN service_mapping m ON m.person_id = per.id AND m.provider_id = p.id
                             AND m.valid_from <= :at AND coalesce(m.valid_to, 'infinity'::date) >= :at
                             AND m.status IN ('ACTIVE', 'ENDED')
                        WHERE per.opaque_id = :opaque""")
                .param("opaque", personOpaqueId)
                .param("provider", providerKey)
                .param("at", at)
                .query((rs, n) -> {
                    long personId = rs.getLong(1);
                    rs.getLong(2);
                    boolean noMapping = rs.wasNull();
                    return new Resolution(personId, noMapping ? Optional.empty() : Optional.of(rowAt(rs, 1)));
                })
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return rowAt(rs, 0);
    }

    private static Row rowAt(ResultSet rs, int offset) throws SQLException {
        ProviderLocalId localId = new ProviderLocalId(
                rs.getString(offset + 6),
                rs.getString(offset + 7),
                rs.getString(offset + 8),
                rs.getString(offset + 9),
                rs.getString(offset + 10));
        return new Row(
                rs.getLong(offset + 1),
                rs.getLong(offset + 2),
                new MappingView(
                        rs.getObject(offset + 3, UUID.class),
                        rs.getString(offset + 4),
                        IdScheme.valueOf(rs.getString(offset + 5)),
                        localId,
                        rs.getObject(offset + 11, LocalDate.class),
                        rs.getObject(offset + 12, LocalDate.class),
                        MappingStatus.valueOf(rs.getString(offset + 13)),
                        rs.getString(offset + 14)));
    }

    record Row(long id, long personId, MappingView view) {}

    record Resolution(long personId, Optional<Row> mapping) {}
}
