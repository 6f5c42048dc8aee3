package org.sscard.adapters.imports;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/** 納付記録: one row per person, fiscal year and scheme; covers the persons in the file (their whole record). */
@Component
class ContributionImport implements ImportSpec {

    static final Column PENSION_NUMBER =
            Column.required("pension_number", "基礎年金番号", Field.pattern("\\d{4}-\\d{6}", "1234-567890"));

    private static final List<Column> COLUMNS = List.of(
            PENSION_NUMBER,
            Column.required("fiscal_year", "年度", Field.integer(1942, 2200)),
            Column.required(
                    "scheme",
                    "制度",
                    Field.oneOf(Map.of(
                            "国民年金",
                            "NATIONAL",
                            "NATIONAL",
                            "NATIONAL",
                            "厚生年金",
                            "EMPLOYEES",
                            "EMPLOYEES",
                            "EMPLOYEES"))),
            Column.required("months", "納付月数", Field.integer(0, 12)),
            Column.required("exempt_months", "免除月数", Field.integer(0, 12)),
            Column.required("amount", "納付額", Field.integer(0, 999_999_999L)));

    @Override
    public String kind() {
        return "contributions";
    }

    @Override
    public ProviderKind providerKind() {
        return ProviderKind.PENSION;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public String table() {
        return "contribution";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("local_id", "fiscal_year", "scheme", "months", "exempt_months", "amount");
    }

    @Override
    public int coverageWidth() {
        return 1;
    }

    @Override
    public int uniqueWidth() {
        return 3;
    }

    @Override
    public String action() {
        return "CONTRIBUTIONS_IMPORTED";
    }

    @Override
    public String[] toRow(String[] v, Provider provider) throws RowProblem {
        if (Integer.parseInt(v[3]) + Integer.parseInt(v[4]) > 12) {
            throw new RowProblem("exempt_months", "納付と免除で12か月を超えます / months + exempt_months > 12");
        }
        return v.clone();
    }
}
