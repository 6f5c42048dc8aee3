package org.sscard.hospital.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.hospital.config.HospitalProperties;

/**
 * Imports one XML extract, all or nothing: the schema first (every error reported, nothing touched), then the
 * whole file in one transaction, patient by patient, with the rules the schema cannot say; any error rolls it all
 * back, and so does the process dying half-way (PostgreSQL discards the open transaction). Loading the same file
 * again changes nothing; a corrected file replaces the records of the patients it contains.
 */
@Service
public class HospitalImporter {

    static final int PROGRESS_EVERY = 1000;
    private static final Logger log = LoggerFactory.getLogger(HospitalImporter.class);

    private final ExtractLoader loader;
    private final TransactionTemplate transactions;
    private final HospitalProperties properties;
    private final ImportLimits limits;
    private final Clock clock;

    HospitalImporter(
            ExtractLoader loader,
            TransactionTemplate transactions,
            HospitalProperties properties,
            ImportLimits limits,
            Clock clock) {
        this.loader = loader;
        this.transactions = transactions;
        this.properties = properties;
        this.limits = limits;
        this.clock = clock;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** The refusal of an extract larger than {@link ImportLimits#maxFileSize}, in the report's format. */
    public ImportTooLargeException tooLarge(String name) {
        return new ImportTooLargeException(limits.tooLarge(name));
    }

    /** {@code progress} gets a line every {@value #PROGRESS_EVERY} patients. Throws {@link ImportRejectedException}. */
    public ImportReport importFile(Path file, String name, Consumer<String> progress) {
        Instant startedAt = clock.instant();
        try {
            if (Files.size(file) > limits.maxFileSize().toBytes()) {
                throw tooLarge(name); // not read at all, not even for its SHA-256
            }
            String sha256 = sha256(file);
            List<ImportError> schemaErrors = ExtractSchema.validate(file, limits.maxValueBytes());
            if (!schemaErrors.isEmpty()) {
                throw new ImportRejectedException(ImportReport.rejected(name, sha256, schemaErrors));
            }
            ImportReport report = transactions.execute(status -> load(file, name, sha256, progress, startedAt));
            log.info(
                    "hospital extract {} imported: {} patients, {} replaced, {} unchanged",
                    name,
                    report.patients(),
                    report.replaced(),
                    report.unchanged());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private ImportReport load(Path file, String name, String sha256, Consumer<String> progress, Instant startedAt) {
        loader.lockImports();
        List<ImportError> errors = new ArrayList<>();
        int[] counts = new int[3];
        try {
            new ExtractReader(properties.providerKey(), errors::add).read(file, patient -> {
                counts[0]++;
                if (errors.isEmpty()) {
                    counts[loader.apply(patient) ? 1 : 2]++;
                }
                if (counts[0] % PROGRESS_EVERY == 0) {
                    progress.accept("[import] " + name + ": " + counts[0] + " patients read");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(ImportReport.rejected(name, sha256, errors));
        }
        ImportReport report = new ImportReport(name, sha256, counts[0], counts[1], counts[2], List.of());
        loader.recordRun(report, startedAt);
        return report;
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
