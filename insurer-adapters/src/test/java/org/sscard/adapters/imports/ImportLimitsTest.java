package org.sscard.adapters.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * An import is refused with the usual report when the file is larger than {@code max-file-size} (256 KB in the
 * tests) or a field longer than {@code max-field-length} (1000 characters in the tests), over HTTP and on the
 * command line's path ({@link Importer#run}); nothing is loaded (issue 15, import limits).
 */
class ImportLimitsTest extends AdaptersTest {

    private static final String HEADER =
            "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share";
    private static final String ROW = "122382,鴨川,9501,00,2024-04,亀田総合病院,外来,2,12000,3600";

    @Autowired
    Importer importer;

    @Test
    void anOversizedUploadIsRefusedWithTheReportAsA413() {
        byte[] body = (HEADER + "\n" + (ROW + "\n").repeat(8000)).getBytes(UTF_8); // ≈ 600 KB
        long notices = count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9501|%'");

        Http.Response response = Http.post(
                port,
                "/kamogawa-nhi/api/v1/imports/notices?fileName=big.csv",
                Tokens.client("city-office", "kamogawa-nhi"),
                body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(response.json().path("errorCount").asInt()).isEqualTo(1);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isZero();
        assertThat(error.path("column").asText()).isEqualTo("-");
        assertThat(error.path("reason").asText()).contains("larger than 262144 bytes");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9501|%'"))
                .isEqualTo(notices);
    }

    @Test
    void anOversizedFileOnTheCommandLinesPathIsRejectedUnread() throws Exception {
        Path file = csv(UTF_8, HEADER, (ROW + "\r\n").repeat(8000).strip());
        assertThat(Files.size(file)).isGreaterThan(256 * 1024);

        ImportReport report =
                importer.run("kamogawa-nhi", "notices", file, "big.csv", null, "cli:test", ImportProgress.NONE);

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.rows()).isZero();
        assertThat(report.sha256()).as("not even read for its digest").isNull();
        assertThat(report.describe()).contains("big.csv:0: -: ").contains("larger than 262144 bytes");
    }

    @Test
    void anUnterminatedQuoteWithAHugeFieldIsRejectedAtItsLine() {
        // under the file limit, but one field runs from line 3 to the end of the file
        Path file = csv(UTF_8, HEADER, ROW.replace("9501", "9502"), "122382,\"鴨川" + "x".repeat(200_000));
        long notices = count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9502|%'");

        ImportReport report =
                importer.run("kamogawa-nhi", "notices", file, "quote.csv", null, "cli:test", ImportProgress.NONE);

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0).line()).isEqualTo(3);
        assertThat(report.errors().get(0).reason())
                .contains("unterminated quote")
                .contains("1000 characters");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9502|%'"))
                .isEqualTo(notices);
    }

    @Test
    void anUnterminatedQuoteOverHttpIsA422WithTheRow() {
        byte[] body = (HEADER + "\n" + "122382,\"鴨川" + "x".repeat(100_000)).getBytes(UTF_8);

        Http.Response response = Http.post(
                port,
                "/kamogawa-nhi/api/v1/imports/notices?fileName=quote.csv",
                Tokens.client("city-office", "kamogawa-nhi"),
                body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).isEqualTo("IMPORT_REJECTED");
        assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(response.json().path("errors").get(0).path("reason").asText())
                .contains("unterminated quote")
                .contains("reading stopped");
    }
}
