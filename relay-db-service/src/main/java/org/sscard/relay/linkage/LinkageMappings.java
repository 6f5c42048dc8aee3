package org.sscard.relay.linkage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.mapping.ProviderLocalId;

/**
 * The service mappings as the linkage reads and changes them. A REMOVED mapping (the provider's administrator
 * confirmed it was not the person) counts for nothing here: its local ID may be linked again.
 */
@Repository
public class LinkageMappings {

    private final JdbcClient jdbc;

    LinkageMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the provider maps this local ID to anyone, in any status but REMOVED. */
    public boolean localIdMapped(long providerId, String localId) {
        return jdbc.sql("""
                        SELECT count(*) FROM service_mapping
                        WHERE provider_id = :provider AND local_id = :local AND status <> 'REMOVED'""")
                        .param("provider", providerId)
                        .param("local", localId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the person has a mapping at the provider (not REMOVED) whose validity overlaps [from, to]. */
    public boolean personOverlaps(long personId, long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) FROM service_mapping
                        WHERE person_id = :person AND provider_id = :provider AND status <> 'REMOVED'
                          AND valid_from <= coalesce(:to, 'infinity'::date)
                          AND coalesce(valid_to, 'infinity'::date) >= :from""")
                        .param("person", personId)
                        .param("provider", providerId)
                        .param("from", from)
                        .param("to", to)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The provider's mappings of this local ID that a loss on {@code lostOn} ends: ACTIVE or ENDED (and SUSPENDED,
     * which keeps its status but returns ENDED), valid on or after that day; and one an earlier loss ended before it
     * (the insurer corrected the loss date to a later one), as long as no later mapping of that local ID or of that
     * person at the insurer began after it (extending it would overlap). A mapping ended for any other reason keeps
     * its end. Locked.
     */
    List<Endable> endable(long providerId, String localId, LocalDate lostOn) {
        return jdbc.sql("""
                        SELECT id, person_id, valid_from, status FROM service_mapping m
                        WHERE provider_id = :provider AND local_id = :local
                          AND status IN ('ACTIVE', 'ENDED', 'SUSPENDED')
                          AND (coalesce(valid_to, 'infinity'::date) >= :lostOn
                               OR (end_reason LIKE 'loss of coverage%' AND NOT EXISTS (
                                   SELECT 1 FROM service_mapping n
                                   WHERE n.provider_id = m.provider_id AND n.id <> m.id AND n.status <> 'REMOVED'
                                     AND (n.local_id = m.local_id OR n.person_id = m.person_id)
                                     AND n.valid_from > m.valid_from)))
                        ORDER BY valid_from, id FOR UPDATE""")
                .param("provider", providerId)
                .param("local", localId)
                .param("lostOn", lostOn)
                .query((rs, n) ->
                        new Endable(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    /** Ends a mapping on {@code validTo}; a suspended one stays suspended and returns ENDED if reinstated. */
    void end(long mappingId, LocalDate validTo, String reason) {
        jdbc.sql("""
                        UPDATE service_mapping SET valid_to = :to, end_reason = :reason, ended_at = now(),
                            status = CASE WHEN status = 'SUSPENDED' THEN status ELSE 'ENDED' END,
                            suspended_from_status = CASE WHEN status = 'SUSPENDED' THEN 'ENDED'
                                                         ELSE suspended_from_status END
                        WHERE id = :id""")
                .param("to", validTo)
                .param("reason", reason)
                .param("id", mappingId)
                .update();
    }

    /**
     * The person's current mappings at other insurers on or after {@code lostOn} (ACTIVE, valid to then or open) that
     * began after the ended one ({@code endedFrom}): those the end of the person's coverage at {@code providerId} is
     * told to. An older insurer (its own leaver not yet arrived) is never told: it would learn of the newer coverage.
     */
    List<InsurerMapping> currentAtOtherInsurers(long personId, long providerId, LocalDate lostOn, LocalDate endedFrom) {
        return jdbc.sql("""
                        SELECT p.id, p.provider_key, m.local_id FROM service_mapping m
                        JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND m.provider_id <> :provider AND p.provider_type = 'INSURER'
                          AND m.status = 'ACTIVE' AND coalesce(m.valid_to, 'infinity'::date) >= :lostOn
                          AND m.valid_from > :endedFrom
                        ORDER BY p.provider_key, m.id""")
                .param("person", personId)
                .param("provider", providerId)
                .param("lostOn", lostOn)
                .param("endedFrom", endedFrom)
                .query((rs, n) -> new InsurerMapping(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The person's newest ended coverage at another insurer (ACTIVE or ENDED, valid to a day on or after
     * {@code from}) that began and ended before the joining coverage ({@code joiningFrom}), whose loss a new insurer
     * is told. A coverage still running when the joining one began is not "previous": its insurer may be the newer.
     */
    Optional<PreviousCoverage> previousCoverage(long personId, long providerId, LocalDate from, LocalDate joiningFrom) {
        return jdbc.sql("""
                        SELECT p.name_ja, p.name_en, m.valid_to FROM service_mapping m
                        JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND m.provider_id <> :provider AND p.provider_type = 'INSURER'
                          AND m.status IN ('ACTIVE', 'ENDED') AND m.valid_to >= :from
                          AND m.valid_from < :joiningFrom AND m.valid_to < :joiningFrom
                        ORDER BY m.valid_to DESC, m.id DESC LIMIT 1""")
                .param("person", personId)
                .param("provider", providerId)
                .param("from", from)
                .param("joiningFrom", joiningFrom)
                .query((rs, n) ->
                        new PreviousCoverage(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .optional();
    }

    /** A new mapping made by the linkage: ACTIVE, or ENDED when the record already carries its loss. */
    long insert(NewMapping m) {
        return jdbc.sql("""
                        INSERT INTO service_mapping (opaque_id, person_id, provider_id, local_id, insurer_number,
                            insurance_symbol, insurance_number, insurance_branch, valid_from, valid_to, status,
                            end_reason, ended_at, linked_by, provider_record)
                        VALUES (:opaque, :person, :provider, :canonical, :insurer, :symbol, :number, :branch, :from,
                                :to, :status, :reason, CASE WHEN :status = 'ENDED' THEN now() END, :linkedBy,
                                CAST(:record AS jsonb))
                        RETURNING id""")
                .param("opaque", UUID.randomUUID())
                .param("person", m.personId())
                .param("provider", m.providerId())
                .param("canonical", m.localId().canonical())
                .param("insurer", m.localId().insurerNumber())
                .param("symbol", m.localId().symbol())
                .param("number", m.localId().number())
                .param("branch", m.localId().branch())
                .param("from", m.validFrom())
                .param("to", m.validTo())
                .param("status", m.validTo() == null ? "ACTIVE" : "ENDED")
                .param("reason", m.endReason())
                .param("linkedBy", m.linkedBy())
                .param("record", m.record().toJson())
                .query(Long.class)
                .single();
    }

    /** {@code status}: SUSPENDED for a link the resident disputed, whose record may be someone else's. */
    record Endable(long id, long personId, LocalDate validFrom, String status) {

        boolean suspended() {
            return "SUSPENDED".equals(status);
        }
    }

    record InsurerMapping(long providerId, String providerKey, String localId) {}

    record PreviousCoverage(String nameJa, String nameEn, LocalDate validTo) {}

    record NewMapping(
            long personId,
            long providerId,
            ProviderLocalId localId,
            LocalDate validFrom,
            LocalDate validTo,
            String endReason,
            String linkedBy,
            ProviderRecord record) {}
}
