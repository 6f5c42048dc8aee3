package org.sscard.relay.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.person.PersonStatus;
import org.sscard.relay.person.Sex;

/**
 * The relay's side of the gate: a registered person's five items and status, found by provisional SSN (the
 * candidate for a joiner) or by ID (the person a review concerns). Never the personal ID or the SSN itself.
 */
@Repository
public class LinkagePersons {

    private static final String SELECT =
            "SELECT id, status, name_kana, name_kanji, date_of_birth, sex, address FROM person ";

    private final JdbcClient jdbc;

    LinkagePersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person with this provisional SSN. Not locked: the caller holds the insurer's row, which serialises every
     * mapping change at that insurer (a lock on the person too would invite a deadlock with the mapping API, which
     * locks the person first).
     */
    Optional<Candidate> byProvisionalSsn(String provisionalSsn) {
        return jdbc.sql(SELECT + "WHERE provisional_ssn = :ssn")
                .param("ssn", provisionalSsn)
                .query(LinkagePersons::candidate)
                .optional();
    }

    /** The person (not locked, as above). */
    public Candidate byId(long personId) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", personId)
                .query(LinkagePersons::candidate)
                .single();
    }

    private static Candidate candidate(ResultSet rs, int n) throws SQLException {
        return new Candidate(
                rs.getLong(1),
                PersonStatus.valueOf(rs.getString(2)),
                new FiveItems(
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        Sex.valueOf(rs.getString(6)),
                        rs.getString(7)));
    }

    /** {@code id}: the relay-internal row ID, for the access log and the mapping; never shown. */
    public record Candidate(long id, PersonStatus status, FiveItems items) {}
}
