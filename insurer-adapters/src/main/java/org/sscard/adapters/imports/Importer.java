package org.sscard.adapters.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.adapters.error.ImportException;
import org.sscard.adapters.imports.ImportReport.Status;
import org.sscard.adapters.provider.AdaptersProperties;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;

/**
 * Loads one file into one provider's schema, all or nothing, in one transaction: the file's SHA-256 first (a file
 * imported before changes nothing), then every row is checked and streamed in with {@code COPY}, then the earlier
 * rows the file covers are deleted. Any bad row rolls the whole transaction back and the report lists every bad
 * value; a process that dies mid-file leaves the transaction uncommitted, so the database keeps what it had.
 */
@Service
public class Importer {

    private final Providers providers;
    private final ImportSpecs specs;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int every;
    private final ImportLimits limits;

    Importer(
            Providers providers,
            ImportSpecs specs,
            JdbcTemplate jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            Clock clock,
            AdaptersProperties properties,
            ImportLimits limits) {
        this.providers = providers;
        this.specs = specs;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
        this.every = properties.progressEvery();
        this.limits = limits;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** {@code charset}: null to recognise UTF-8 or Shift_JIS; {@code importedBy}: the client or user, for the log. */
    public ImportReport run(
            String providerKey,
            String kind,
            Path file,
            String fileName,
            Charset charset,
            String importedBy,
            ImportProgress progress) {
        Provider provider = providers
                .find(providerKey)
                .orElseThrow(() -> new ImportException("no provider '" + providerKey + "' is configured"));
        ImportSpec spec = specs.find(provider, kind);
        try {
            if (Files.size(file) > limits.maxFileSize().toBytes()) {
                // not read at all, not even for its SHA-256
                return tooLarge(provider, spec, fileName);
            }
            Prescan scan = Prescan.of(file, charset);
            return transaction.execute(tx -> {
                ImportReport report = load(provider, spec, file, fileName, importedBy, scan, progress);
                if (report.status() != Status.IMPORTED) {
                    tx.setRollbackOnly();
                }
                return report;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    public List<String> kinds(String providerKey) {
        return providers.find(providerKey).map(specs::kinds).orElse(List.of());
    }

    /**
     * One pass: each row is checked and, while no row was bad, streamed into the table with COPY; a bad row stops
     * the COPY, the rest is still checked for the report, and the transaction is rolled back. After a clean pass,
     * the earlier rows the file covers are deleted (rows of this import are kept by their import ID).
     */
    private ImportReport load(
            Provider provider,
            ImportSpec spec,
            Path file,
            String fileName,
            String importedBy,
            Prescan scan,
            ImportProgress progress) {
        String table = provider.table(spec.table());
        // one import per table at a time: a second one waits, then sees the first one's file as already imported
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))::text", String.class, table);
        Integer known = jdbc.queryForObject(
                "SELECT count(*) FROM " + provider.table("import_file") + " WHERE sha256 = ?",
                Integer.class,
                scan.sha256());
        if (known != null && known > 0) {
            return report(Status.UNCHANGED, provider, spec, fileName, scan, 0, 0, 0, new RowChecks(spec));
        }
        Long importId = jdbc.queryForObject(
                "INSERT INTO " + provider.table("import_file")
                        + " (sha256, kind, file_name, row_count, imported_at, imported_by) VALUES (?, ?, ?, 0, ?, ?)"
                        + " RETURNING id",
                Long.class,
                scan.sha256(),
                spec.kind(),
                fileName,
                Timestamp.from(clock.instant()),
                importedBy);
        // nothing can be covered in a table that held no rows before: a first load skips the coverage delete
        boolean hadRows =
                Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + ")", Boolean.class));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            RowChecks checks = new RowChecks(spec);
            long rows = copyRows(connection, provider, spec, file, scan.charset(), importId, checks, progress);
            if (checks.errorCount() > 0) {
                return report(Status.REJECTED, provider, spec, fileName, scan, rows, 0, 0, checks);
            }
            // before the delete: the rows this file replaces are still there to compare with (eligibility events)
            spec.loaded(provider, importId);
            long replaced = hadRows ? replaceCovered(connection, provider, spec, checks, importId) : 0;
            jdbc.update("UPDATE " + provider.table("import_file") + " SET row_count = ? WHERE id = ?", rows, importId);
            logPersons(connection, provider, spec, checks, importedBy, fileName);
            return report(
                    Status.IMPORTED,
                    provider,
                    spec,
                    fileName,
                    scan,
                    rows,
                    checks.keys().size(),
                    replaced,
                    checks);
        } catch (SQLException e) {
            throw new ImportException("the database refused the file " + fileName + ": " + e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One access-log entry for each person the file touched, at this provider. */
    private void logPersons(
            Connection connection,
            Provider provider,
            ImportSpec spec,
            RowChecks checks,
            String importedBy,
            String fileName)
            throws SQLException {
        String at = clock.instant().toString();
        String purpose = "取り込み / import of " + fileName;
        java.util.Set<String> persons = new java.util.HashSet<>();
        checks.keys().forEach(key -> persons.add(key.get(0)));
        CopyIn log = copy(connection, provider.table("access_log") + " (at, local_id, actor, action, purpose)");
        PipelinedCopy.run(log, writer -> {
            for (String person : persons) {
                writer.row(new String[] {at, person, importedBy, spec.action()}, purpose);
            }
        });
        log.endCopy();
    }

    private long replaceCovered(
            Connection connection, Provider provider, ImportSpec spec, RowChecks checks, long importId)
            throws SQLException {
        List<String> keyColumns = spec.tableColumns().subList(0, spec.coverageWidth());
        String keys = String.join(", ", keyColumns);
        jdbc.execute("CREATE TEMP TABLE import_keys ON COMMIT DROP AS SELECT " + keys + " FROM "
                + provider.table(spec.table()) + " WITH NO DATA");
        CopyIn keyCopy = copy(connection, "import_keys (" + keys + ")");
        PipelinedCopy.run(keyCopy, writer -> {
            for (List<String> key : checks.keys()) {
                writer.row(key.toArray(String[]::new), null);
            }
        });
        keyCopy.endCopy();
        jdbc.execute("ANALYZE import_keys");
        return jdbc.update(
                "DELETE FROM " + provider.table(spec.table()) + " t USING import_keys k WHERE "
                        + keyColumns.stream().map(c -> "t." + c + " = k." + c).collect(Collectors.joining(" AND "))
                        // a member the administrator registered has no import (null): it is replaced too
                        + " AND t.import_id IS DISTINCT FROM ?",
                importId);
    }

    private long copyRows(
            Connection connection,
            Provider provider,
            ImportSpec spec,
            Path file,
            Charset charset,
            long importId,
            RowChecks checks,
            ImportProgress progress)
            throws SQLException {
        CopyIn copy = copy(
                connection,
                provider.table(spec.table()) + " (" + String.join(", ", spec.tableColumns()) + ", import_id)");
        String id = Long.toString(importId);
        long[] count = {0};
        PipelinedCopy.run(copy, writer -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                    Rows reader = new Rows(in, charset, spec, provider, limits)) {
                reader.headerErrors().forEach(checks::add);
                while (reader.headerErrors().isEmpty() && reader.next()) {
                    if (++count[0] % every == 0) {
                        progress.rows("loaded", count[0]);
                    }
                    if (reader.row() == null) {
                        reader.errors().forEach(checks::add);
                    } else if (checks.accept(reader.row(), reader.line()) && checks.errorCount() == 0) {
                        writer.row(reader.row(), id);
                    }
                }
            } catch (CsvReader.MalformedCsv e) {
                checks.add(new RowError(e.line, "-", e.getMessage()));
            } catch (java.nio.charset.CharacterCodingException e) {
                checks.add(new RowError(count[0] + 2, "-", "文字コードが違います / cannot be decoded as " + charset.name()));
            }
        });
        if (checks.errorCount() > 0) {
            PipelinedCopy.cancel(copy);
        } else {
            copy.endCopy();
            progress.rows("loaded", count[0]);
        }
        return count[0];
    }

    private static CopyIn copy(Connection connection, String target) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
    }

    /** The report of a file larger than {@link ImportLimits#maxFileSize}: rejected, unread. */
    public ImportReport tooLarge(String providerKey, String kind, String fileName) {
        Provider provider = providers
                .find(providerKey)
                .orElseThrow(() -> new ImportException("no provider '" + providerKey + "' is configured"));
        return tooLarge(provider, specs.find(provider, kind), fileName);
    }

    private ImportReport tooLarge(Provider provider, ImportSpec spec, String fileName) {
        return new ImportReport(
                Status.REJECTED,
                provider.key(),
                spec.kind(),
                fileName,
                null,
                null,
                0,
                0,
                0,
                1,
                List.of(limits.tooLarge()));
    }

    private static ImportReport report(
            Status status,
            Provider provider,
            ImportSpec spec,
            String fileName,
            Prescan scan,
            long rows,
            long covered,
            long replaced,
            RowChecks checks) {
        return new ImportReport(
                status,
                provider.key(),
                spec.kind(),
                fileName,
                scan.sha256(),
                scan.charset().name(),
                rows,
                covered,
                replaced,
                checks.errorCount(),
                checks.errors());
    }
}
