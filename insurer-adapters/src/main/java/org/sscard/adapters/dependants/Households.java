package org.sscard.adapters.dependants;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.adapters.provider.Provider;

/**
 * An insured person and their dependants in one insurer's {@code member} table: a dependant shares the insured's
 * insurer number, symbol and number, with a branch of its own. The only write is the end of a dependant's
 * eligibility, on an accepted verification.
 */
@Repository
class Households {

    private static final String COLUMNS = "local_id, insurer_number, symbol, number, branch, relationship, name_kanji,"
            + " name_kana, date_of_birth, lost_on, valid_to";

    private final JdbcClient jdbc;

    Households(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MemberRow> member(Provider provider, String localId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("member") + " WHERE local_id = ?")
                .param(localId)
                .query(Households::row)
                .optional();
    }

    /**
     * Waits for the member table's other writers until the transaction ends: an eligibility import and the console's
     * registrations take the same advisory lock.
     */
    void lockTable(Provider provider) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))::text")
                .param(provider.table("member"))
                .query(String.class)
                .single();
    }

    /** The row, locked until the transaction ends (the write path reads what it changes under the lock). */
    Optional<MemberRow> lock(Provider provider, String localId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("member") + " WHERE local_id = ? FOR UPDATE")
                .param(localId)
                .query(Households::row)
                .optional();
    }

    /** The insured person's dependants still eligible on {@code day}, by branch. */
    List<MemberRow> dependants(Provider provider, MemberRow insured, LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + provider.table("member")
                        + " WHERE insurer_number = ? AND symbol = ? AND number = ? AND relationship = 'DEPENDANT'"
                        + " AND (lost_on IS NULL OR lost_on > ?) ORDER BY branch, local_id")
                .params(insured.insurerNumber(), insured.symbol(), insured.number(), Date.valueOf(day))
                .query(Households::row)
                .list();
    }

    /** These members by local ID (those an import removed since are missing). */
    Map<String, MemberRow> members(Provider provider, Collection<String> localIds) {
        if (localIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM " + provider.table("member") + " WHERE local_id = ANY (?)")
                .param(localIds.toArray(String[]::new))
                .query(Households::row)
                .list()
                .stream()
                .collect(Collectors.toMap(MemberRow::localId, Function.identity()));
    }

    void endEligibility(Provider provider, String localId, LocalDate lostOn, LocalDate validTo, String reason) {
        jdbc.sql("UPDATE " + provider.table("member")
                        + " SET lost_on = ?, valid_to = ?, loss_reason = ? WHERE local_id = ?")
                .params(Date.valueOf(lostOn), validTo == null ? null : Date.valueOf(validTo), reason, localId)
                .update();
    }

    private static MemberRow row(ResultSet rs, int n) throws SQLException {
        return new MemberRow(
                rs.getString("local_id"),
                rs.getString("insurer_number"),
                rs.getString("symbol"),
                rs.getString("number"),
                rs.getString("branch"),
                rs.getString("relationship"),
                rs.getString("name_kanji"),
                rs.getString("name_kana"),
                date(rs, "date_of_birth"),
                date(rs, "lost_on"),
                date(rs, "valid_to"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
