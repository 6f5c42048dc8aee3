package org.sscard.adapters.insurer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.adapters.provider.Provider;

/** Reads one person's rows from one insurer's schema; every query is bound to the person's own ID. */
@Repository
public class InsurerRecords {

    private final JdbcClient jdbc;

    InsurerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Eligibility> eligibility(Provider provider, String localId) {
        return jdbc.sql("SELECT * FROM " + provider.table("member") + " WHERE local_id = ?")
                .param(localId)
                .query((rs, n) -> new Eligibility(
                        rs.getString("insurer_number"),
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
                        rs.getInt("copay_percent"),
                        rs.getString("limit_category"),
                        date(rs, "valid_from"),
                        date(rs, "valid_to")))
                .optional();
    }

    /** The year asked for, or the latest year with notices when {@code year} is null. */
    public NoticeYear notices(Provider provider, String localId, Integer year) {
        List<Integer> years = jdbc.sql("SELECT DISTINCT extract(year FROM month)::int AS y FROM "
                        + provider.table("notice") + " WHERE local_id = ? ORDER BY y DESC")
                .param(localId)
                .query(Integer.class)
                .list();
        int shown = year != null ? year : years.isEmpty() ? LocalDate.now().getYear() : years.get(0);
        List<NoticeLine> lines = jdbc.sql("SELECT month, institution, care_type, days, total_cost, own_share FROM "
                        + provider.table("notice") + " WHERE local_id = ? AND month >= ? AND month < ?"
                        + " ORDER BY month, institution, care_type")
                .params(localId, Date.valueOf(LocalDate.of(shown, 1, 1)), Date.valueOf(LocalDate.of(shown + 1, 1, 1)))
                .query((rs, n) -> new NoticeLine(
                        date(rs, "month"),
                        rs.getString("institution"),
                        rs.getString("care_type"),
                        rs.getInt("days"),
                        rs.getLong("total_cost"),
                        rs.getLong("own_share")))
                .list();
        return NoticeYear.of(shown, lines, years);
    }

    public Checkups checkups(Provider provider, String localId) {
        List<Object[]> rows = jdbc.sql("SELECT checked_on, program, item_code, item_name_ja, item_name_en, value,"
                        + " value_num, unit, ref_low, ref_high, flag FROM " + provider.table("checkup_item")
                        + " WHERE local_id = ? ORDER BY checked_on DESC, program, id")
                .param(localId)
                .query((rs, n) -> new Object[] {
                    date(rs, "checked_on"),
                    rs.getString("program"),
                    new Checkups.Item(
                            rs.getString("item_code"),
                            rs.getString("item_name_ja"),
                            rs.getString("item_name_en"),
                            rs.getString("value"),
                            rs.getBigDecimal("value_num"),
                            rs.getString("unit"),
                            rs.getBigDecimal("ref_low"),
                            rs.getBigDecimal("ref_high"),
                            rs.getString("flag"))
                })
                .list();
        Map<List<Object>, List<Checkups.Item>> byCheckup = new LinkedHashMap<>();
        Map<String, List<Checkups.Point>> points = new LinkedHashMap<>();
        Map<String, Checkups.Item> firstSeen = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Checkups.Item item = (Checkups.Item) row[2];
            byCheckup
                    .computeIfAbsent(List.of(row[0], row[1]), k -> new ArrayList<>())
                    .add(item);
            if (item.valueNum() != null) {
                firstSeen.putIfAbsent(item.code(), item);
                points.computeIfAbsent(item.code(), k -> new ArrayList<>())
                        .add(0, new Checkups.Point((LocalDate) row[0], item.valueNum(), item.flag()));
            }
        }
        List<Checkups.Checkup> checkups = byCheckup.entrySet().stream()
                .map(e -> new Checkups.Checkup(
                        (LocalDate) e.getKey().get(0), (String) e.getKey().get(1), List.copyOf(e.getValue())))
                .toList();
        List<Checkups.Trend> trends = firstSeen.values().stream()
                .map(item -> new Checkups.Trend(
                        item.code(), item.nameJa(), item.nameEn(), item.unit(), List.copyOf(points.get(item.code()))))
                .toList();
        return new Checkups(checkups, trends);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
