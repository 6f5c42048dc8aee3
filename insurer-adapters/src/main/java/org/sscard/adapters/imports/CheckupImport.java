package org.sscard.adapters.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/**
 * 健診: one row per measured item of a checkup; covers the (person, date, programme) checkups in the file. Without
 * a flag, a numeric value is flagged against its reference range.
 */
@Component
class CheckupImport implements ImportSpec {

    private static final List<Column> COLUMNS = InsurerIds.with(List.of(
            Column.required("checked_on", "受診日", Field.date()),
            Column.required(
                    "program",
                    "健診種別",
                    Field.oneOf(Map.of(
                            "特定健診",
                            "NHI_GENERAL",
                            "NHI_GENERAL",
                            "NHI_GENERAL",
                            "がん検診",
                            "CANCER_SCREENING",
                            "CANCER_SCREENING",
                            "CANCER_SCREENING",
                            "事業所健診",
                            "COMPANY",
                            "COMPANY",
                            "COMPANY"))),
            Column.required("item_code", "項目コード", Field.pattern("[0-9A-Za-z_.-]{1,20}", "a code")),
            Column.required("item_name_ja", "項目名", Field.text(60)),
            Column.required("item_name_en", "項目名英語", Field.text(60)),
            Column.required("value", "結果値", Field.text(40)),
            Column.optional("unit", "単位", Field.text(20)),
            Column.optional("ref_low", "基準下限", Field.decimal()),
            Column.optional("ref_high", "基準上限", Field.decimal()),
            Column.optional(
                    "flag",
                    "判定",
                    Field.oneOf(Map.of(
                            "N", "N", "H", "H", "L", "L", "A", "A", "異常なし", "N", "高", "H", "低", "L", "要精検", "A")))));

    @Override
    public String kind() {
        return "checkups";
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
        return "checkup_item";
    }

    @Override
    public List<String> tableColumns() {
        return List.of(
                "local_id",
                "checked_on",
                "program",
                "item_code",
                "item_name_ja",
                "item_name_en",
                "value",
                "value_num",
                "unit",
                "ref_low",
                "ref_high",
                "flag");
    }

    @Override
    public int coverageWidth() {
        return 3;
    }

    @Override
    public int uniqueWidth() {
        return 0;
    }

    @Override
    public String action() {
        return "CHECKUPS_IMPORTED";
    }

    @Override
    public String[] toRow(String[] v, Provider provider) throws RowProblem {
        String localId = InsurerIds.localId(v, provider);
        BigDecimal number = Field.DECIMAL.matcher(v[9]).matches() ? new BigDecimal(v[9]) : null;
        if (v[11] != null && v[12] != null && new BigDecimal(v[11]).compareTo(new BigDecimal(v[12])) > 0) {
            throw new RowProblem("ref_low", "基準上限より大きいです / above ref_high");
        }
        String flag = v[13] != null ? v[13] : flag(number, v[11], v[12]);
        return new String[] {
            localId,
            v[4],
            v[5],
            v[6],
            v[7],
            v[8],
            v[9],
            number == null ? null : number.toPlainString(),
            v[10],
            v[11],
            v[12],
            flag
        };
    }

    private static String flag(BigDecimal value, String low, String high) {
        if (value != null && high != null && value.compareTo(new BigDecimal(high)) > 0) {
            return "H";
        }
        if (value != null && low != null && value.compareTo(new BigDecimal(low)) < 0) {
            return "L";
        }
        return "N";
    }
}
