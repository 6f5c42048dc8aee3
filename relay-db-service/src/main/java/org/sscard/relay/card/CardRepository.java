package org.sscard.relay.card;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.common.pki.RevocationReason;
import org.sscard.relay.card.CardView.HolderType;

@Repository
class CardRepository {

    private static final String SELECT = """
            SELECT c.id, c.person_id, c.card_serial, coalesce(p.opaque_id, s.opaque_id), c.certificate_serial,
                   c.certificate_sha256, c.status, c.revocation_reason, c.issued_at, c.expires_at, c.revoked_at,
                   c.status_changed_at
            FROM card c LEFT JOIN person p ON p.id = c.person_id LEFT JOIN staff s ON s.id = c.staff_id
            """;

    private final JdbcClient jdbc;

    CardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String cardSerial, String certificateSerial, String sha256) {
        return jdbc.sql("""
                        SELECT count(*) FROM card WHERE card_serial = :card OR certificate_serial = :serial
                            OR certificate_sha256 = :sha""")
                        .param("card", cardSerial)
                        .param("serial", certificateSerial)
                        .param("sha", sha256)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    long insert(Long personId, Long staffId, CardRequests.RegisterCard r, String serial, String sha256, Instant now) {
        return jdbc.sql("""
                        INSERT INTO card (card_serial, person_id, staff_id, certificate_serial, certificate_sha256,
                                          status, issued_at, expires_at, status_changed_at)
                        VALUES (:card, :person, :staff, :serial, :sha, 'ACTIVE', :issued, :expires, :now)
                        RETURNING id""")
                .param("card", r.cardSerial())
                .param("person", personId)
                .param("staff", staffId)
                .param("serial", serial)
                .param("sha", sha256)
                .param("issued", utc(r.issuedAt()))
                .param("expires", utc(r.expiresAt()))
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    /** A row of the card's history, in the transaction that made the change. */
    void recordStatus(long cardId, CardStatus status, String reason, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO card_status_history (card_id, status, reason, changed_at, changed_by)
                        VALUES (:card, :status, :reason, :at, :by)""")
                .param("card", cardId)
                .param("status", status.name())
                .param("reason", reason)
                .param("at", utc(at))
                .param("by", by)
                .update();
    }

    /** The history of each of the cards, oldest first; one query for all of them. */
    Map<Long, List<CardView.StatusChange>> histories(List<Long> cardIds) {
        Map<Long, List<CardView.StatusChange>> histories = new HashMap<>();
        if (cardIds.isEmpty()) {
            return histories;
        }
        jdbc.sql("""
                        SELECT card_id, status, reason, changed_at, changed_by FROM card_status_history
                        WHERE card_id IN (:cards) ORDER BY changed_at, id""").param("cards", cardIds).query(rs -> {
            histories
                    .computeIfAbsent(rs.getLong(1), card -> new ArrayList<>())
                    .add(new CardView.StatusChange(
                            CardStatus.valueOf(rs.getString(2)), rs.getString(3), instant(rs, 4), rs.getString(5)));
        });
        return histories;
    }

    void updateStatus(long id, CardStatus status, RevocationReason reason, Instant now) {
        jdbc.sql("""
                        UPDATE card SET status = :status, revocation_reason = :reason, status_changed_at = :now,
                               revoked_at = CASE WHEN :status = 'REVOKED' THEN :now ELSE revoked_at END
                        WHERE id = :id""")
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.name())
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    Optional<Row> byCardSerial(String cardSerial, boolean forUpdate) {
        return jdbc.sql(SELECT + "WHERE c.card_serial = :card" + (forUpdate ? " FOR UPDATE OF c" : ""))
                .param("card", cardSerial)
                .query(CardRepository::row)
                .optional();
    }

    Optional<Row> byCertificateSerial(String serial) {
        return jdbc.sql(SELECT + "WHERE c.certificate_serial = :serial")
                .param("serial", serial)
                .query(CardRepository::row)
                .optional();
    }

    List<Row> ofPerson(long personId) {
        return jdbc.sql(SELECT + "WHERE c.person_id = :person ORDER BY c.issued_at")
                .param("person", personId)
                .query(CardRepository::row)
                .list();
    }

    List<Row> ofStaff(long staffId) {
        return jdbc.sql(SELECT + "WHERE c.staff_id = :staff ORDER BY c.issued_at")
                .param("staff", staffId)
                .query(CardRepository::row)
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long personId = rs.getLong(2);
        Long person = rs.wasNull() ? null : personId;
        String reason = rs.getString(8);
        return new Row(
                rs.getLong(1),
                person,
                new CardView(
                        rs.getString(3),
                        person == null ? HolderType.STAFF : HolderType.PERSON,
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        CardStatus.valueOf(rs.getString(7)),
                        reason == null ? null : RevocationReason.valueOf(reason),
                        instant(rs, 9),
                        instant(rs, 10),
                        instant(rs, 11),
                        instant(rs, 12),
                        null));
    }

    record Row(long id, Long personId, CardView view) {}
}
