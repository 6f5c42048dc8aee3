package org.sscard.adapters.imports;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sscard.adapters.linkage.MemberEvents;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/**
 * 資格: one row per insured person or dependant; covers the persons in the file. Its joiners and leavers are told to
 * the relay (linkage events written in the import's transaction).
 */
@Component
class EligibilityImport implements ImportSpec {

    private final MemberEvents events;

    EligibilityImport(MemberEvents events) {
        this.events = events;
    }

    private static final List<Column> COLUMNS = InsurerIds.with(List.of(
            Column.required(
                    "relationship",
                    "本人家族",
                    Field.oneOf(Map.of(
                            "本人",
                            "INSURED",
                            "被保険者",
                            "INSURED",
                            "INSURED",
                            "INSURED",
                            "家族",
                            "DEPENDANT",
                            "被扶養者",
                            "DEPENDANT",
                            "DEPENDANT",
                            "DEPENDANT"))),
            Column.required("name_kanji", "氏名", Field.kanjiName()),
            Column.required("name_kana", "氏名カナ", Field.kana()),
            Column.required("date_of_birth", "生年月日", Field.date()),
            Column.required(
                    "sex",
                    "性別",
                    Field.oneOf(Map.of(
                            "男", "MALE", "M", "MALE", "MALE", "MALE", "1", "MALE", "女", "FEMALE", "F", "FEMALE",
                            "FEMALE", "FEMALE", "2", "FEMALE"))),
            Column.required("acquired_on", "資格取得日", Field.date()),
            Column.optional("lost_on", "資格喪失日", Field.date()),
            Column.required(
                    "copay",
                    "負担割合",
                    Field.oneOf(Map.of(
                            "1割", "10", "2割", "20", "3割", "30", "10", "10", "20", "20", "30", "30", "1", "10", "2",
                            "20", "3", "30"))),
            Column.optional("limit_category", "限度額適用区分", Field.text(20)),
            Column.required("valid_from", "有効開始日", Field.date()),
            Column.optional("valid_to", "有効終了日", Field.date()),
            // for the relay's five-item check of a joiner (docs/imports.md): optional, an older file has neither
            Column.optional("address", "住所", Field.text(300)),
            Column.optional("provisional_ssn", "仮社会保障番号", Field.provisionalSsn()),
            Column.optional("loss_reason", "喪失事由", Field.text(200))));

    @Override
    public String kind() {
        return "eligibility";
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
        return "member";
    }

    @Override
    public List<String> tableColumns() {
        return List.of(
                "local_id",
                "insurer_number",
                "symbol",
                "number",
                "branch",
                "relationship",
                "name_kanji",
                "name_kana",
                "date_of_birth",
                "sex",
                "acquired_on",
                "lost_on",
                "copay_percent",
                "limit_category",
                "valid_from",
                "valid_to",
                "address",
                "provisional_ssn",
                "loss_reason");
    }

    @Override
    public int coverageWidth() {
        return 1;
    }

    @Override
    public int uniqueWidth() {
        return 1;
    }

    @Override
    public String action() {
        return "ELIGIBILITY_IMPORTED";
    }

    @Override
    public String[] toRow(String[] v, Provider provider) throws RowProblem {
        String localId = InsurerIds.localId(v, provider);
        if (v[10] != null && v[10].compareTo(v[9]) < 0) {
            throw new RowProblem("lost_on", "取得日より前です / before acquired_on");
        }
        if (v[14] != null && v[14].compareTo(v[13]) < 0) {
            throw new RowProblem("valid_to", "有効開始日より前です / before valid_from");
        }
        if (v[17] != null && v[10] == null) {
            throw new RowProblem("loss_reason", "資格喪失日がありません / a loss reason needs lost_on");
        }
        String branch = localId.substring(localId.lastIndexOf('|') + 1);
        return new String[] {
            localId, v[0], v[1], v[2], branch, v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14],
            v[15], v[16], v[17]
        };
    }

    /** The joiners (local IDs new to the table) and the leavers (a new or changed lost_on) of this file. */
    @Override
    public void loaded(Provider provider, long importId) {
        events.imported(provider, importId);
    }
}
