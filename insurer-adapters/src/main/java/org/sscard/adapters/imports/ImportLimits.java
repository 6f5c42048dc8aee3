package org.sscard.adapters.imports;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one import may hold ({@code sscard.adapters.import-limits}), over HTTP and on the command line alike:
 * {@code max-file-size} bytes (an HTTP upload stops being read just past it; a larger file on disk is not read at
 * all), {@code max-field-length} characters in one CSV field (a quote that is never closed stops there instead of
 * filling memory) and {@code max-fields} fields in one record. Each is refused with the usual report.
 */
@ConfigurationProperties("sscard.adapters.import-limits")
@Validated
public record ImportLimits(
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("4096") @Min(1) int maxFieldLength,
        @DefaultValue("200") @Min(1) int maxFields) {

    /** The report's line for a file too large: line 0 stands for the file as a whole. */
    RowError tooLarge() {
        return new RowError(
                0,
                "-",
                "ファイルが大きすぎます / the file is larger than " + maxFileSize.toBytes()
                        + " bytes (sscard.adapters.import-limits.max-file-size); nothing was read further");
    }
}
