package org.sscard.adapters.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportReport.Status;
import org.sscard.adapters.support.AdaptersTest;

/**
 * The eligibility import tells the relay its joiners and leavers in its own transaction: a local ID new to the
 * table or a member whose five items or provisional SSN changed → MEMBER_JOINED, a new or changed loss date →
 * MEMBER_LEFT, nothing else; a rejected file writes neither
 * rows nor events. Also the file's new optional columns (address, provisional SSN, loss reason).
 */
class EligibilityEventsTest extends AdaptersTest {

    static final String HEADER = "insurer_number,symbol,number,branch,relationship,name_kanji,name_kana,"
            + "date_of_birth,sex,acquired_on,lost_on,copay,valid_from,valid_to,address,provisional_ssn,loss_reason";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Importer importer;

    @Test
    void anImportThatAddsAJoinerAndALeaverCommitsExactlyThoseEventsWithTheRows() {
        imported(
                row("LE1", "00", "本人", "鴨川 一郎", "カモガワ イチロウ", "", ""),
                row("LE1", "01", "家族", "鴨川 二葉", "カモガワ フタバ", "", ""),
                row("LE1", "02", "家族", "鴨川 三太", "カモガワ サンタ", "", ""));
        assertThat(events("LE1"))
                .as("the first import: each new local ID joined")
                .containsExactly(
                        "MEMBER_JOINED 122382|鴨川|LE1|00",
                        "MEMBER_JOINED 122382|鴨川|LE1|01",
                        "MEMBER_JOINED 122382|鴨川|LE1|02");
        long before = lastPosition();

        imported(
                row("LE1", "00", "本人", "鴨川 一郎", "カモガワ イチロウ", "", ""),
                row("LE1", "01", "家族", "鴨川 二葉", "カモガワ フタバ", "2026-12-01", "就職 / found a job"),
                row("LE1", "02", "家族", "鴨川 三太", "カモガワ サンタ", "", ""),
                row("LE1", "03", "家族", "鴨川 四季", "カモガワ シキ", "", ""));

        assertThat(eventsAfter(before, "LE1"))
                .containsExactly("MEMBER_JOINED 122382|鴨川|LE1|03", "MEMBER_LEFT 122382|鴨川|LE1|01");
        JsonNode left = payload(before, "MEMBER_LEFT", "122382|鴨川|LE1|01");
        assertThat(left.fieldNames()).toIterable().containsExactlyInAnyOrder("provider", "localId", "lostOn", "reason");
        assertThat(left.path("provider").asText()).isEqualTo("kamogawa-nhi");
        assertThat(left.path("localId").asText()).isEqualTo("122382|鴨川|LE1|01");
        assertThat(left.path("lostOn").asText()).isEqualTo("2026-12-01");
        assertThat(left.path("reason").asText()).isEqualTo("就職 / found a job");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LE1'"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LE1' AND lost_on IS NOT NULL"
                        + " AND loss_reason = '就職 / found a job'"))
                .isEqualTo(1);
    }

    @Test
    void theSameLossAgainTellsNothingAndACorrectedDateTellsAgain() {
        imported(row("LE2", "00", "本人", "鴨川 五郎", "カモガワ ゴロウ", "2026-11-01", ""));
        assertThat(events("LE2"))
                .as("a new row that has lost its coverage already: joined, then left")
                .containsExactly("MEMBER_JOINED 122382|鴨川|LE2|00", "MEMBER_LEFT 122382|鴨川|LE2|00");
        long before = lastPosition();

        // another file with the same loss (a new copay): not news to the relay
        imported(row("LE2", "00", "本人", "鴨川 五郎", "カモガワ ゴロウ", "2026-11-01", "", "2割"));
        assertThat(eventsAfter(before, "LE2")).isEmpty();

        imported(row("LE2", "00", "本人", "鴨川 五郎", "カモガワ ゴロウ", "2026-12-01", ""));
        assertThat(eventsAfter(before, "LE2")).containsExactly("MEMBER_LEFT 122382|鴨川|LE2|00");
    }

    @Test
    void aRejectedImportCommitsNeitherRowsNorEvents() {
        long before = lastPosition();
        Path file = csv(
                UTF_8,
                HEADER,
                row("LE3", "00", "本人", "鴨川 六郎", "カモガワ ロクロウ", "", ""),
                row("LE3", "01", "家族", "鴨川 七海", "カモガワ ナナミ", "2026-12-01", "").replace("2026-12-01", "2026-13-01"));

        ImportReport report =
                importer.run("kamogawa-nhi", "eligibility", file, "rejected.csv", null, "test", ImportProgress.NONE);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LE3'"))
                .isZero();
        assertThat(eventsAfter(before, "LE3")).isEmpty();
    }

    @Test
    void theJoinerCarriesTheFiveItemsAndTheNormalisedSsn() {
        long before = lastPosition();
        imported(csvRow("LE4", "00", "本人", "鴨川 八重", "ｶﾓｶﾞﾜ ﾔｴ", "", "3割", "千葉県鴨川市横渚１００１－１", "１０００-０００１-２３４５", ""));

        JsonNode joined = payload(before, "MEMBER_JOINED", "122382|鴨川|LE4|00");
        assertThat(joined.path("provider").asText()).isEqualTo("kamogawa-nhi");
        assertThat(joined.path("localId").asText()).isEqualTo("122382|鴨川|LE4|00");
        assertThat(joined.path("insurerNumber").asText()).isEqualTo("122382");
        assertThat(joined.path("symbol").asText()).isEqualTo("鴨川");
        assertThat(joined.path("number").asText()).isEqualTo("LE4");
        assertThat(joined.path("branch").asText()).isEqualTo("00");
        assertThat(joined.path("relationship").asText()).isEqualTo("INSURED");
        assertThat(joined.path("acquiredOn").asText()).isEqualTo("2019-04-01");
        assertThat(joined.path("nameKana").asText()).isEqualTo("カモガワ ヤエ");
        assertThat(joined.path("nameKanji").asText()).isEqualTo("鴨川 八重");
        assertThat(joined.path("dateOfBirth").asText()).isEqualTo("1960-01-01");
        assertThat(joined.path("sex").asText()).isEqualTo("FEMALE");
        assertThat(joined.path("address").asText()).isEqualTo("千葉県鴨川市横渚1001-1");
        assertThat(joined.path("provisionalSsn").asText()).isEqualTo("100000012345");
    }

    @Test
    void rejectsABadSsnAndAReasonWithoutALoss() {
        Path file = csv(
                UTF_8,
                HEADER,
                csvRow("LE5", "00", "本人", "鴨川 九", "カモガワ キュウ", "", "3割", "", "1000-0001-234", ""),
                csvRow("LE5", "01", "家族", "鴨川 十", "カモガワ ジュウ", "", "3割", "", "", "転居"));

        ImportReport report =
                importer.run("kamogawa-nhi", "eligibility", file, "bad.csv", null, "test", ImportProgress.NONE);

        assertThat(report.errors())
                .extracting(RowError::line, RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "provisional_ssn"),
                        org.assertj.core.groups.Tuple.tuple(3L, "loss_reason"));
    }

    @Test
    void rejectsRowsWithValuesLongerThanTheRelayTakes() {
        // the relay refuses a whole pushed batch for one such value: the insurer's stream would stop there
        Path file = csv(
                UTF_8,
                HEADER,
                csvRow("LE8", "00", "本人", "鴨川 八郎", "ア".repeat(61), "", "3割", "", "", ""),
                csvRow("LE8", "01", "家族", "鴨".repeat(61), "カモガワ ハナ", "", "3割", "", "", ""),
                csvRow("LE8", "02", "家族", "鴨川 花子", "カモガワ ハナコ", "", "3割", "千".repeat(301), "", ""),
                csvRow("LE8", "03", "家族", "鴨川 葉子", "カモガワ ヨウコ", "2026-12-01", "3割", "", "", "由".repeat(201)),
                // NFKC makes one character four: the limit holds for the value as stored and sent
                csvRow("LE8", "04", "家族", "鴨川 桃子", "㌀".repeat(26), "", "3割", "", "", ""));
        long before = lastPosition();

        ImportReport report =
                importer.run("kamogawa-nhi", "eligibility", file, "long.csv", null, "test", ImportProgress.NONE);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors())
                .extracting(RowError::line, RowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "name_kana"),
                        org.assertj.core.groups.Tuple.tuple(3L, "name_kanji"),
                        org.assertj.core.groups.Tuple.tuple(4L, "address"),
                        org.assertj.core.groups.Tuple.tuple(5L, "loss_reason"),
                        org.assertj.core.groups.Tuple.tuple(6L, "name_kana"));
        assertThat(eventsAfter(before, "LE8")).isEmpty();
    }

    @Test
    void aMemberWhoseFiveItemsOrSsnChangedJoinsAgainAndNothingElseTellsTheRelay() {
        String address = "千葉県鴨川市横渚1001";
        imported(csvRow("LE6", "00", "本人", "鴨川 六花", "カモガワ リッカ", "", "3割", address, "", ""));
        assertThat(events("LE6")).containsExactly("MEMBER_JOINED 122382|鴨川|LE6|00");
        long before = lastPosition();

        // the same member again, in another file (another member in it)
        imported(
                csvRow("LE6", "00", "本人", "鴨川 六花", "カモガワ リッカ", "", "3割", address, "", ""),
                csvRow("LE7", "00", "本人", "鴨川 七郎", "カモガワ シチロウ", "", "3割", "", "", ""));
        assertThat(eventsAfter(before, "LE6")).as("an unchanged member").isEmpty();
        // the copay only: not one of the five items
        imported(csvRow("LE6", "00", "本人", "鴨川 六花", "カモガワ リッカ", "", "2割", address, "", ""));
        assertThat(eventsAfter(before, "LE6")).as("a changed copay").isEmpty();

        // the address corrected (the relay gates the record again)
        imported(csvRow("LE6", "00", "本人", "鴨川 六花", "カモガワ リッカ", "", "2割", address + "-1", "", ""));
        assertThat(eventsAfter(before, "LE6")).containsExactly("MEMBER_JOINED 122382|鴨川|LE6|00");
        assertThat(payload(before, "MEMBER_JOINED", "122382|鴨川|LE6|00")
                        .path("address")
                        .asText())
                .isEqualTo(address + "-1");
        before = lastPosition();

        // the provisional SSN added
        imported(csvRow("LE6", "00", "本人", "鴨川 六花", "カモガワ リッカ", "", "2割", address + "-1", "1000-0006-0006", ""));
        assertThat(eventsAfter(before, "LE6")).containsExactly("MEMBER_JOINED 122382|鴨川|LE6|00");
        JsonNode joined = payload(before, "MEMBER_JOINED", "122382|鴨川|LE6|00");
        assertThat(joined.path("provisionalSsn").asText()).isEqualTo("100000060006");
        assertThat(joined.path("address").asText()).isEqualTo(address + "-1");
        assertThat(joined.path("nameKana").asText()).isEqualTo("カモガワ リッカ");
    }

    private void imported(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        Path file = csv(UTF_8, lines);
        ImportReport report = importer.run(
                "kamogawa-nhi", "eligibility", file, file.getFileName().toString(), null, "test", ImportProgress.NONE);
        assertThat(report.status()).as(report.describe()).isEqualTo(Status.IMPORTED);
    }

    static String row(
            String number,
            String branch,
            String relationship,
            String kanji,
            String kana,
            String lostOn,
            String reason) {
        return row(number, branch, relationship, kanji, kana, lostOn, reason, "3割");
    }

    static String row(
            String number,
            String branch,
            String relationship,
            String kanji,
            String kana,
            String lostOn,
            String reason,
            String copay) {
        return csvRow(number, branch, relationship, kanji, kana, lostOn, copay, "", "", reason);
    }

    static String csvRow(
            String number,
            String branch,
            String relationship,
            String kanji,
            String kana,
            String lostOn,
            String copay,
            String address,
            String ssn,
            String reason) {
        String validTo = lostOn.isEmpty()
                ? ""
                : java.time.LocalDate.parse(lostOn).minusDays(1).toString();
        return String.join(
                ",",
                "122382",
                "鴨川",
                number,
                branch,
                relationship,
                kanji,
                kana,
                "1960-01-01",
                relationship.equals("本人") && kanji.endsWith("郎") ? "男" : "女",
                "2019-04-01",
                lostOn,
                copay,
                "2024-08-01",
                validTo,
                address,
                ssn,
                reason);
    }

    private List<String> events(String number) {
        return eventsAfter(0, number);
    }

    private List<String> eventsAfter(long position, String number) {
        return jdbc.sql("SELECT type || ' ' || subject FROM kamogawa_nhi.linkage_outbox WHERE position > ?"
                        + " AND subject LIKE ? ORDER BY position")
                .params(position, "%|" + number + "|%")
                .query(String.class)
                .list();
    }

    private JsonNode payload(long after, String type, String subject) {
        String text = jdbc.sql("SELECT payload::text FROM kamogawa_nhi.linkage_outbox WHERE position > ? AND type = ?"
                        + " AND subject = ? AND consumer = 'relay'")
                .params(after, type, subject)
                .query(String.class)
                .single();
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long lastPosition() {
        return count("SELECT coalesce(max(position), 0) FROM kamogawa_nhi.linkage_outbox");
    }
}
