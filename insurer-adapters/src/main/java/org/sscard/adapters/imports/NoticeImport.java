package org.sscard.adapters.imports;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/**
 * 医療費のお知らせ: one row per person, month, institution and kind of care; covers the (person, month) pairs in the
 * file, so a corrected month replaces that month's lines and leaves the other months alone.
 */
@Component
class NoticeImport implements ImportSpec {

    private static final List<Column> COLUMNS = InsurerIds.with(List.of(
            Column.required("month", "診療年月", Field.month()),
            Column.required("institution", "医療機関名", Field.text(100)),
            Column.required(
                    "care_type",
                    "入外区分",
                    Field.oneOf(Map.of(
                            "入院",
                            "INPATIENT",
                            "INPATIENT",
                            "INPATIENT",
                            "外来",
                            "OUTPATIENT",
                            "入院外",
                            "OUTPATIENT",
                            "OUTPATIENT",
                            "OUTPATIENT",
                            "歯科",
                            "DENTAL",
                            "DENTAL",
                            "DENTAL",
                            "調剤",
                            "PHARMACY",
                            "PHARMACY",
                            "PHARMACY"))),
            Column.required("days", "日数", Field.integer(0, 31)),
            Column.required("total_cost", "医療費総額", Field.integer(0, 999_999_999_999L)),
            Column.required("own_share", "自己負担額", Field.integer(0, 999_999_999_999L))));

    @Override
    public String kind() {
        return "notices";
    }

    @Override
    public ProviderKind providerKind() {
        return ProviderKind.INSURER;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public String table() {
        return "notice";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("local_id", "month", "institution", "care_type", "days", "total_cost", "own_share");
    }

    @Override
    public int coverageWidth() {
        return 2;
    }

    @Override
    public int uniqueWidth() {
        return 0;
    }

    @Override
    public String action() {
        return "NOTICES_IMPORTED";
    }

    @Override
    public String[] toRow(String[] v, Provider provider) throws RowProblem {
        String localId = InsurerIds.localId(v, provider);
        if (Long.parseLong(v[9]) > Long.parseLong(v[8])) {
            throw new RowProblem("own_share", "医療費総額を超えています / more than total_cost");
        }
        return new String[] {localId, v[4], v[5], v[6], v[7], v[8], v[9]};
    }
}
