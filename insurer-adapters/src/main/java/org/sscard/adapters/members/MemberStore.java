package org.sscard.adapters.members;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.adapters.imports.Text;
import org.sscard.adapters.provider.Provider;

/** One insurer's {@code member} table as the console's member screens read and write it. */
@Repository
class MemberStore {

    private static final String COLUMNS = "local_id, symbol, number, branch, relationship, name_kanji, name_kana,"
            + " date_of_birth, sex, acquired_on, lost_on, loss_reason";

    private final JdbcClient jdbc;

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the table's other writers until the transaction ends: an eligibility import (the same advisory lock
     * as the importer's) or another registration, so that a local ID is written by one of them at a time.
     */
    void lock(Provider provider) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))::text")
                .param(provider.table("member"))
                .query(String.class)
                .single();
    }

    Optional<Member> lockMember(Provider provider, String localId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("member") + " WHERE local_id = ? FOR UPDATE")
                .param(localId)
                .query(MemberStore::row)
                .optional();
    }

    void insert(Provider provider, JoinerFields m) {
        jdbc.sql("INSERT INTO " + provider.table("member")
                        + " (local_id, insurer_number, symbol, number, branch, relationship, name_kanji, name_kana,"
                        + " date_of_birth, sex, acquired_on, copay_percent, limit_category, valid_from, address,"
                        + " provisional_ssn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.localId(),
                        m.insurerNumber(),
                        m.symbol(),
                        m.number(),
                        m.branch(),
                        m.relationship(),
                        m.nameKanji(),
                        m.nameKana(),
                        Date.valueOf(m.dateOfBirth()),
                        m.sex(),
                        Date.valueOf(m.acquiredOn()),
                        m.copayPercent(),
                        m.limitCategory(),
                        Date.valueOf(m.acquiredOn()),
                        m.address(),
                        m.provisionalSsn())
                .update();
    }

    /** 資格喪失: the loss date and reason, and the last day covered (the day before). */
    void registerLoss(Provider provider, String localId, LocalDate lostOn, String reason) {
        jdbc.sql("UPDATE " + provider.table("member")
                        + " SET lost_on = ?, loss_reason = ?, valid_to = ? WHERE local_id = ?")
                .params(Date.valueOf(lostOn), reason, Date.valueOf(lostOn.minusDays(1)), localId)
                .update();
    }

    LocalDate validTo(Provider provider, String localId) {
        return jdbc.sql("SELECT valid_to FROM " + provider.table("member") + " WHERE local_id = ?")
                .param(localId)
                .query((rs, n) -> Optional.ofNullable(date(rs, "valid_to")))
                .single()
                .orElse(null);
    }

    /** A page in local ID order; {@code q}: the start of the kana name or of the number (null: everyone). */
    List<Member> page(Provider provider, String q, int page, int size) {
        Filter filter = Filter.of(q);
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("member") + filter.where()
                        + " ORDER BY symbol, number, branch, local_id LIMIT ? OFFSET ?")
                .params(filter.with(size, (long) page * size))
                .query(MemberStore::row)
                .list();
    }

    long count(Provider provider, String q) {
        Filter filter = Filter.of(q);
        return jdbc.sql("SELECT count(*) FROM " + provider.table("member") + filter.where())
                .params(filter.with())
                .query(Long.class)
                .single();
    }

    /** The search as SQL: a prefix of the kana name (normalised as stored) or of the number. */
    private record Filter(String kana, String number) {

        static Filter of(String q) {
            if (q == null || q.isBlank()) {
                return new Filter(null, null);
            }
            return new Filter(like(Text.kana(q)), like(Text.normal(q)));
        }

        String where() {
            return kana == null ? "" : " WHERE (name_kana LIKE ? OR number LIKE ?)";
        }

        Object[] with(Object... more) {
            List<Object> values = new java.util.ArrayList<>();
            if (kana != null) {
                values.add(kana);
                values.add(number);
            }
            values.addAll(List.of(more));
            return values.toArray();
        }

        private static String like(String prefix) {
            return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    private static Member row(ResultSet rs, int n) throws SQLException {
        return new Member(
                rs.getString("local_id"),
                rs.getString("symbol"),
                rs.getString("number"),
                rs.getString("branch"),
                rs.getString("relationship"),
                rs.getString("name_kanji"),
                rs.getString("name_kana"),
                date(rs, "date_of_birth"),
                rs.getString("sex"),
                date(rs, "acquired_on"),
                date(rs, "lost_on"),
                rs.getString("loss_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
