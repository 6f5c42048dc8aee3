package org.sscard.issuer.enrolment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The enrolment codes, by their SHA-256. Times are the database's ({@code now()}), for making and for consuming
 * alike, so that no two clocks disagree on whether a code has expired.
 */
@Repository
class EnrolmentCodes {

    /** A consumed code: whom it was for, and who made it. */
    record Consumed(UUID person, UUID operatorStaffId) {}

    private final JdbcClient jdbc;

    EnrolmentCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code; answers when it expires. */
    Instant create(String sha256, UUID person, UUID operatorStaffId, Duration validity) {
        return jdbc.sql("""
                        INSERT INTO enrolment_code (code_sha256, person_id, operator_staff_id, expires_at)
                        VALUES (:sha, :person, :staff, now() + make_interval(secs => :seconds))
                        RETURNING expires_at""")
                .param("sha", sha256)
                .param("person", person)
                .param("staff", operatorStaffId)
                .param("seconds", validity.toSeconds())
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    /**
     * Consumes the code for {@code cardSerial} if it is unused and unexpired, in one statement: of two concurrent
     * redemptions, the second finds it used (the row is locked until the first's transaction ends, then re-checked).
     */
    Optional<Consumed> consume(String sha256, String cardSerial) {
        return jdbc.sql("""
                        UPDATE enrolment_code SET used_at = now(), used_card_serial = :card
                        WHERE code_sha256 = :sha AND used_at IS NULL AND expires_at > now()
                        RETURNING person_id, operator_staff_id""")
                .param("sha", sha256)
                .param("card", cardSerial)
                .query((rs, n) -> new Consumed(
                        rs.getObject("person_id", UUID.class), rs.getObject("operator_staff_id", UUID.class)))
                .optional();
    }
}
