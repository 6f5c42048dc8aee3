package org.sscard.hospital.importer;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one extract may hold ({@code sscard.hospital.import-limits}), over HTTP and on the command line alike:
 * {@code max-file-size} bytes (an HTTP upload stops being read just past it; a larger file on disk is not read at
 * all) and {@code max-value-bytes} bytes of any value: no run of the file without a {@code <} may be longer, which
 * bounds every attribute value (where {@code <} cannot occur, so a quote never closed runs into the limit) and every
 * text. The parser therefore never holds more than that of one value. Each is refused with the usual report.
 */
@ConfigurationProperties("sscard.hospital.import-limits")
@Validated
public record ImportLimits(
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("131072") @Min(1) int maxValueBytes) {

    /** The report of a file larger than {@link #maxFileSize}: line 0, the file as a whole. */
    ImportReport tooLarge(String name) {
        return ImportReport.rejected(
                name,
                null,
                java.util.List.of(new ImportError(
                        0,
                        0,
                        "",
                        null,
                        "the file is larger than " + maxFileSize.toBytes()
                                + " bytes (sscard.hospital.import-limits.max-file-size); nothing was read further")));
    }
}
