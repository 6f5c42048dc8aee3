package org.sscard.relay.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.common.id.PersonalId;
import org.sscard.relay.person.PersonView.StatusChange;

@Repository
class PersonRepository {

    private static final String REF = "SELECT id, opaque_id, status FROM person ";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            UUID opaqueId,
            PersonalId personalId,
            String kana,
            String kanji,
            LocalDate dob,
            Sex sex,
            String ssn,
            String address,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO person (opaque_id, personal_id, name_kana, name_kanji, date_of_birth, sex,
                                            provisional_ssn, address, status, status_changed_at)
                        VALUES (:opaque, :pid, :kana, :kanji, :dob, :sex, :ssn, :address, 'ACTIVE', :now)
                        RETURNING id""")
                .param("opaque", opaqueId)
                .param("pid", personalId.digits())
                .param("kana", kana)
                .param("kanji", kanji)
                .param("dob", dob)
                .param("sex", sex.name())
                .param("ssn", ssn)
                .param("address", address)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    void updateStatus(long id, PersonStatus status, String reason, String changedBy, Instant now) {
        var at = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        jdbc.sql("UPDATE person SET status = :status, status_changed_at = :at WHERE id = :id")
                .param("status", status.name())
                .param("at", at)
                .param("id", id)
                .update();
        jdbc.sql("""
                        INSERT INTO person_status_history (person_id, status, reason, changed_at, changed_by)
                        VALUES (:id, :status, :reason, :at, :by)""")
                .param("id", id)
                .param("status", status.name())
                .param("reason", reason)
                .param("at", at)
                .param("by", changedBy)
                .update();
    }

    boolean existsByPersonalId(PersonalId personalId) {
        return jdbc.sql("SELECT count(*) FROM person WHERE personal_id = :pid")
                        .param("pid", personalId.digits())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean existsByProvisionalSsn(String ssn) {
        return jdbc.sql("SELECT count(*) FROM person WHERE provisional_ssn = :ssn")
                        .param("ssn", ssn)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<PersonRef> refByOpaqueId(UUID opaqueId, boolean forUpdate) {
        return jdbc.sql(REF + "WHERE opaque_id = :opaque" + (forUpdate ? " FOR UPDATE" : ""))
                .param("opaque", opaqueId)
                .query(PersonRepository::ref)
                .optional();
    }

    String personalIdOf(long personId) {
        return jdbc.sql("SELECT personal_id FROM person WHERE id = :id")
                .param("id", personId)
                .query(String.class)
                .single();
    }

    Optional<PersonRef> refByPersonalId(PersonalId personalId) {
        return jdbc.sql(REF + "WHERE personal_id = :pid")
                .param("pid", personalId.digits())
                .query(PersonRepository::ref)
                .optional();
    }

    Optional<PersonRef> refByProvisionalSsn(String ssn, LocalDate dob) {
        return jdbc.sql(REF + "WHERE provisional_ssn = :ssn AND date_of_birth = :dob")
                .param("ssn", ssn)
                .param("dob", dob)
                .query(PersonRepository::ref)
                .optional();
    }

    Optional<PersonRef> refById(long id) {
        return jdbc.sql(REF + "WHERE id = :id")
                .param("id", id)
                .query(PersonRepository::ref)
                .optional();
    }

    PersonView view(long id) {
        List<StatusChange> history = jdbc.sql("""
                        SELECT status, reason, changed_at, changed_by FROM person_status_history
                        WHERE person_id = :id ORDER BY changed_at, id""")
                .param("id", id)
                .query((rs, n) -> new StatusChange(
                        PersonStatus.valueOf(rs.getString(1)), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .list();
        return jdbc.sql("""
                        SELECT opaque_id, name_kana, name_kanji, date_of_birth, sex, address, provisional_ssn,
                               status, status_changed_at FROM person WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new PersonView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Sex.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        PersonStatus.valueOf(rs.getString(8)),
                        instant(rs, 9),
                        history))
                .single();
    }

    private static PersonRef ref(ResultSet rs, int row) throws SQLException {
        return new PersonRef(rs.getLong(1), rs.getObject(2, UUID.class), PersonStatus.valueOf(rs.getString(3)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
