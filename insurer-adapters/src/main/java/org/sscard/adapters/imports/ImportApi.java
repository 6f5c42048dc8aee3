package org.sscard.adapters.imports;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.ImportException;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;
import org.sscard.common.io.BoundedCopy;

/**
 * {@code POST /<provider>/api/v1/imports/<kind>} with the CSV file as the body (any content type), for the
 * provider's operator clients, and for the provider's own administrators through an operator client. 200 with the report when imported or already imported; 422 problem detail
 * listing every bad value when rejected (then nothing was loaded).
 */
@RestController
class ImportApi {

    private static final Logger log = LoggerFactory.getLogger(ImportApi.class);

    private final ProviderResolver providers;
    private final Importer importer;

    ImportApi(ProviderResolver providers, Importer importer) {
        this.providers = providers;
        this.importer = importer;
    }

    @Operation(summary = "Import one CSV file (UTF-8 or Shift_JIS), all or nothing")
    @PostMapping("/{provider}/api/v1/imports/{kind}")
    @PreAuthorize("hasAuthority('IMPORT')")
    ResponseEntity<?> importFile(
            @PathVariable String provider,
            @PathVariable String kind,
            @RequestParam(defaultValue = "upload.csv") String fileName,
            @RequestParam(required = false) String charset,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request)
            throws IOException {
        String key = providers.provider(provider, caller, null).key();
        Path file = Files.createTempFile("sscard-import", ".csv");
        try (InputStream body = request.getInputStream()) {
            // spooled, never more than the limit: reading stops just past it
            if (BoundedCopy.copy(body, file, importer.limits().maxFileSize().toBytes()) < 0) {
                ImportReport report = importer.tooLarge(key, kind, fileName);
                log.info("import {} {} {}: larger than the limit, refused", key, kind, fileName);
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(rejected(report, AdaptersError.IMPORT_TOO_LARGE));
            }
            ImportReport report = importer.run(
                    key,
                    kind,
                    file,
                    fileName,
                    charset(charset),
                    // the client, or for an operator token the administrator: staff:<id>
                    caller.who(),
                    (phase, rows) -> log.info("import {} {} {}: {} {} rows", key, kind, fileName, phase, rows));
            log.info("import {} {} {}: {}", key, kind, fileName, report.status());
            if (report.status() != ImportReport.Status.REJECTED) {
                return ResponseEntity.ok(report);
            }
            return ResponseEntity.unprocessableEntity().body(rejected(report, AdaptersError.IMPORT_REJECTED));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The problem detail of a rejected import: every bad value, in the report's format. */
    private static ProblemDetail rejected(ImportReport report, AdaptersError error) {
        ProblemDetail problem =
                error.problem(report.errorCount() + " bad values in " + report.fileName() + "; nothing was loaded");
        problem.setProperty("errors", report.errors());
        problem.setProperty("errorCount", report.errorCount());
        if (report.sha256() != null) {
            problem.setProperty("sha256", report.sha256());
        }
        return problem;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.equalsIgnoreCase("Shift_JIS") || name.equalsIgnoreCase("SJIS")) {
            return Prescan.SHIFT_JIS;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ImportException("unknown charset " + name);
        }
    }
}
