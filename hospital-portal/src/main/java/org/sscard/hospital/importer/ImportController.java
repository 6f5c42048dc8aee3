package org.sscard.hospital.importer;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.io.BoundedCopy;

/**
 * The import over HTTP, for the hospital's own systems: the extract as the request body ({@code application/xml}),
 * on a client-credentials token of a client in {@code sscard.hospital.import-clients}. 200 with the report, or 422
 * with every error and nothing loaded, or 413 (same body) for a file over {@code import-limits.max-file-size}.
 */
@RestController
class ImportController {

    private final HospitalImporter importer;

    ImportController(HospitalImporter importer) {
        this.importer = importer;
    }

    @PostMapping(
            path = "/api/v1/imports",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize("hasAuthority('HOSPITAL_IMPORT')")
    ImportReport importExtract(
            HttpServletRequest request, @RequestParam(name = "name", defaultValue = "upload.xml") String name)
            throws IOException {
        // two passes (schema, then load) need the file twice: spooled to an owner-only temporary file
        Path spool = Files.createTempFile("hospital-extract-", ".xml");
        try (InputStream body = request.getInputStream()) {
            String safeName = name.replaceAll("[^A-Za-z0-9._-]", "_");
            safeName = safeName.length() > 100 ? safeName.substring(0, 100) : safeName;
            // never more than the limit: reading stops just past it (413 with the report)
            if (BoundedCopy.copy(body, spool, importer.limits().maxFileSize().toBytes()) < 0) {
                throw importer.tooLarge(safeName);
            }
            return importer.importFile(spool, safeName, line -> {});
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
