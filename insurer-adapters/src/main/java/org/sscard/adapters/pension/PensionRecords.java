package org.sscard.adapters.pension;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.adapters.provider.Provider;

/** Reads one person's rows from the pension office's schema, bound to the person's own ID. */
@Repository
public class PensionRecords {

    private final JdbcClient jdbc;

    PensionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PensionRecord record(Provider provider, String localId) {
        List<PensionRecord.Contribution> contributions = jdbc.sql("SELECT fiscal_year, scheme, months,"
                        + " exempt_months, amount FROM " + provider.table("contribution")
                        + " WHERE local_id = ? ORDER BY fiscal_year, scheme")
                .param(localId)
                .query((rs, n) -> new PensionRecord.Contribution(
                        rs.getInt("fiscal_year"),
                        rs.getString("scheme"),
                        rs.getInt("months"),
                        rs.getInt("exempt_months"),
                        rs.getLong("amount")))
                .list();
        List<PensionRecord.Projection> projections = jdbc.sql("SELECT start_age, annual_basic, annual_employees,"
                        + " as_of FROM " + provider.table("projection") + " WHERE local_id = ? ORDER BY start_age")
                .param(localId)
                .query((rs, n) -> new PensionRecord.Projection(
                        rs.getInt("start_age"),
                        rs.getLong("annual_basic"),
                        rs.getLong("annual_employees"),
                        rs.getDate("as_of").toLocalDate()))
                .list();
        return new PensionRecord(
                true,
                PensionRecord.DEMO_NOTICE,
                contributions,
                contributions.stream()
                        .mapToInt(PensionRecord.Contribution::months)
                        .sum(),
                contributions.stream()
                        .mapToInt(PensionRecord.Contribution::exemptMonths)
                        .sum(),
                contributions.stream()
                        .mapToLong(PensionRecord.Contribution::amount)
                        .sum(),
                projections);
    }
}
