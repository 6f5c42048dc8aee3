package org.sscard.hospital.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.sscard.hospital.support.HospitalTest;

/**
 * An extract larger than {@code max-file-size} (1 MB in the tests) or with a value longer than
 * {@code max-value-bytes} (8 KB in the tests) is refused with the usual report, over HTTP and on the command line's
 * path ({@link HospitalImporter#importFile}); nothing is loaded (issue 15, import limits).
 */
class HospitalImportLimitsTest extends HospitalTest {

    private static final String OPEN = "<hospitalExtract xmlns=\"urn:sscard:hospital-extract:1\" "
            + "provider=\"kameda-hospital\" generatedAt=\"2026-02-01T09:00:00+09:00\">\n";

    @Autowired
    HospitalImporter importer;

    @Test
    void anOversizedUploadIsRefusedWithTheReportAsA413() throws Exception {
        byte[] body = manyPatients("V", 9000).getBytes(StandardCharsets.UTF_8); // ≈ 1.2 MB
        assertThat(body.length).isGreaterThan(1024 * 1024);

        MvcResult result = mvc.perform(post("/api/v1/imports?name=big.xml")
                        .contentType(MediaType.APPLICATION_XML)
                        .header("Authorization", "Bearer " + TOKENS.mint("hospital-portal", "kameda-hospital"))
                        .content(body))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        JsonNode problem = new ObjectMapper().readTree(result.getResponse().getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(problem.path("errors").get(0).path("line").asInt()).isZero();
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains("larger than 1048576 bytes");
        assertThat(patients("V0000001")).isZero();
    }

    @Test
    void anOversizedFileOnTheCommandLinesPathIsRejectedUnread() throws Exception {
        Path file = Files.createTempFile("big", ".xml");
        Files.writeString(file, manyPatients("W", 9000));

        ImportTooLargeException refused = catchThrowableOfType(
                ImportTooLargeException.class, () -> importer.importFile(file, "big.xml", l -> {}));

        assertThat(refused.report().sha256()).as("not even read for its digest").isNull();
        assertThat(refused.report().errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("larger than 1048576 bytes"));
        assertThat(patients("W0000001")).isZero();
    }

    @Test
    void anUnterminatedQuoteWithAHugeValueIsRejectedAtItsLine() throws Exception {
        Path file = Files.createTempFile("quote", ".xml");
        Files.writeString(
                file,
                OPEN + "<patient number=\"Q0000001\"/>\n<patient number=\"Q0000002\" nameKanji=\""
                        + "亀".repeat(200_000)); // ≈ 600 KB, under the file limit, in one attribute value never closed

        ImportRejectedException refused =
                catchThrowableOfType(ImportRejectedException.class, () -> importer.importFile(file, "q.xml", l -> {}));

        assertThat(refused.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("longer than 8192 bytes").contains("unterminated quote");
        });
        assertThat(patients("Q0000001")).isZero();
    }

    @Test
    void theValueLimitStopsReadingAnEndlessValue() {
        Endless endless = new Endless("<a b=\"".getBytes(StandardCharsets.US_ASCII));
        ValueLengthLimit.TooLong refused = catchThrowableOfType(
                ValueLengthLimit.TooLong.class,
                () -> new ValueLengthLimit(endless, 8192).transferTo(java.io.OutputStream.nullOutputStream()));

        assertThat(refused.line).isEqualTo(1);
        assertThat(endless.supplied)
                .as("read no further than one buffer past the limit")
                .isLessThan(8192 + 16_384);
    }

    private static String manyPatients(String prefix, int count) {
        StringBuilder xml = new StringBuilder(OPEN);
        for (int i = 1; i <= count; i++) {
            xml.append("<patient number=\"")
                    .append(prefix)
                    .append(String.format("%07d", i))
                    .append("\"><visit date=\"2026-01-01\" department=\"内科\" doctor=\"医師\" type=\"outpatient\"/>"
                            + "</patient>\n");
        }
        return xml.append("</hospitalExtract>").toString();
    }

    private int patients(String number) {
        return jdbc.sql("SELECT count(*) FROM patient WHERE patient_number = :n")
                .param("n", number)
                .query(Integer.class)
                .single();
    }

    /** A prefix, then 'x' forever; counts the bytes handed out. */
    private static final class Endless extends InputStream {
        private final byte[] prefix;
        long supplied;

        Endless(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public int read() {
            if (supplied < prefix.length) {
                return prefix[(int) supplied++];
            }
            supplied++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = Math.min(length, 8192);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
