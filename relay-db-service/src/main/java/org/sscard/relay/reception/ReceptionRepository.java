package org.sscard.relay.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.card.CardStatus;
import org.sscard.relay.person.PersonStatus;
import org.sscard.relay.provider.ProviderType;

/**
 * What a reception check decides on, each in one statement by unique keys. The personal ID and the date of birth are
 * compared in the database and never read back: the check needs to know whether they match, not what they are.
 */
@Repository
class ReceptionRepository {

    private final JdbcClient jdbc;

    ReceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True if the staff member is ACTIVE, holds one of {@code roles}, belongs to {@code organisation} of a type, and
     * the staff card with this (normalised) certificate serial is theirs, ACTIVE and not past its expiry at
     * {@code now}: the card they logged in with, so that suspending it stops their checks at once.
     */
    boolean isDeskStaff(
            UUID clerk,
            String clerkCertificateSerial,
            String organisation,
            Collection<String> roles,
            ProviderType organisationType,
            Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM staff s JOIN provider p ON p.id = s.provider_id
                        WHERE s.opaque_id = :clerk AND s.status = 'ACTIVE' AND s.role IN (:roles)
                        AND p.provider_key = :organisation AND p.provider_type = :type
                        AND EXISTS (SELECT 1 FROM card c WHERE c.staff_id = s.id AND c.certificate_serial = :serial
                                    AND c.status = 'ACTIVE' AND c.expires_at > :now)""")
                        .param("clerk", clerk)
                        .param("serial", clerkCertificateSerial)
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("roles", roles)
                        .param("organisation", organisation)
                        .param("type", organisationType.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The resident card with this (normalised) certificate serial, and whether its holder has {@code personalId}.
     * Empty: no card, or a staff card.
     */
    Optional<ResidentCard> residentCard(String certificateSerial, String personalId) {
        return jdbc.sql("""
                        SELECT c.status, c.expires_at, per.id, per.status, per.personal_id = :pid
                        FROM card c JOIN person per ON per.id = c.person_id
                        WHERE c.certificate_serial = :serial""")
                .param("serial", certificateSerial)
                .param("pid", personalId)
                .query((rs, n) -> new ResidentCard(
                        CardStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3),
                        PersonStatus.valueOf(rs.getString(4)),
                        rs.getBoolean(5)))
                .optional();
    }

    /**
     * The person with this provisional SSN, and whether {@code dateOfBirth} is theirs. Locks the person row, so that
     * concurrent checks of one SSN (on any instance) count its mismatches one after another.
     */
    Optional<SsnHolder> bySsnForUpdate(String provisionalSsn, LocalDate dateOfBirth) {
        return jdbc.sql("""
                        SELECT id, status, date_of_birth = :dob FROM person WHERE provisional_ssn = :ssn
                        FOR UPDATE""")
                .param("ssn", provisionalSsn)
                .param("dob", dateOfBirth)
                .query((rs, n) -> new SsnHolder(rs.getLong(1), PersonStatus.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .optional();
    }

    /** The person's insurer mappings (active and ended), newest first by {@code valid_from}. */
    List<InsurerRow> insurerMappings(long personId) {
        return jdbc.sql("""
                        SELECT p.provider_key, p.name_ja, p.name_en, m.valid_from, m.valid_to, m.local_id,
                               p.staff_organisations
                        FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND p.provider_type = 'INSURER'
                        AND m.status IN ('ACTIVE', 'ENDED')
                        ORDER BY m.valid_from DESC, m.id DESC""")
                .param("person", personId)
                .query((rs, n) -> new InsurerRow(
                        new ReceptionCheckView.InsurerMapping(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class)),
                        rs.getString(6),
                        List.of((String[]) rs.getArray(7).getArray())))
                .list();
    }

    /** The organisation's own number for the person: its ACTIVE mapping's local number (the newest), if any. */
    Optional<String> patientNumber(long personId, String organisation) {
        return jdbc.sql("""
                        SELECT m.local_number FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND p.provider_key = :organisation AND m.status = 'ACTIVE'
                        ORDER BY m.valid_from DESC, m.id DESC LIMIT 1""")
                .param("person", personId)
                .param("organisation", organisation)
                .query(String.class)
                .optional();
    }

    record ResidentCard(
            CardStatus status,
            Instant expiresAt,
            long personId,
            PersonStatus personStatus,
            boolean personalIdMatches) {}

    record SsnHolder(long personId, PersonStatus status, boolean dateOfBirthMatches) {}

    /** One insurer mapping with what the answer needs besides the view: the local ID and the staff organisations. */
    record InsurerRow(ReceptionCheckView.InsurerMapping mapping, String localId, List<String> staffOrganisations) {}
}
