package org.sscard.adapters.imports;

import java.util.List;
import org.springframework.stereotype.Component;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/** 年金見込額: one row per person and starting age; covers the persons in the file. */
@Component
class ProjectionImport implements ImportSpec {

    private static final List<Column> COLUMNS = List.of(
            ContributionImport.PENSION_NUMBER,
            Column.required("start_age", "受給開始年齢", Field.integer(60, 75)),
            Column.required("annual_basic", "老齢基礎年金", Field.integer(0, 99_999_999L)),
            Column.required("annual_employees", "老齢厚生年金", Field.integer(0, 99_999_999L)),
            Column.required("as_of", "試算日", Field.date()));

    @Override
    public String kind() {
        return "projections";
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
        return "projection";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("local_id", "start_age", "annual_basic", "annual_employees", "as_of");
    }

    @Override
    public int coverageWidth() {
        return 1;
    }

    @Override
    public int uniqueWidth() {
        return 2;
    }

    @Override
    public String action() {
        return "PROJECTIONS_IMPORTED";
    }

    @Override
    public String[] toRow(String[] v, Provider provider) {
        return v.clone();
    }
}
