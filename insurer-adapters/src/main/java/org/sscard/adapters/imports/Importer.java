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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.adapters.imports.ImportReport.Status;
import org.sscard.adapters.provider.AdaptersProperties;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;

/**
 * Loads one file into one provider's schema, all or nothing: first every row is checked (nothing is written if
 * any is bad), then, in one transaction, the rows the file covers are deleted and the file's rows are streamed in
 * with {@code COPY}; the file's SHA-256 is recorded in the same transaction. A process that dies mid-file leaves
 * the transaction uncommitted, so the database keeps exactly what it had.
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

    Importer(Providers providers, ImportSpecs specs, JdbcTemplate jdbc, DataSource dataSource,
             TransactionTemplate transaction, Clock clock, AdaptersProperties properties) {
        this.providers = providers;
        this.specs = specs;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
        this.every = properties.progressEvery();
    }

    /** {@code charset}: null to recognise UTF-8 or Shift_JIS; {@code importedBy}: the client or user, for the log. */
    public ImportReport run(String providerKey, String kind, Path file, String fileName, Charset charset,
                            String importedBy, ImportProgress progress) {
        Provider provider = providers.find(providerKey)
                .orElseThrow(() -> new ImportException("no provider '" + providerKey + "' is configured"));
        ImportSpec spec = specs.find(provider, kind);
        try {
            Validation checked = Validation.run(file, charset, spec, provider, progress, every);
            if (checked.errorCount > 0) {
                return report(Status.REJECTED, provider, spec, fileName, checked, 0, checked.errors);
            }
            return transaction.execute(tx -> load(provider, spec, file, fileName, importedBy, checked, progress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    public List<String> kinds(String providerKey) {
        return providers.find(providerKey).map(specs::kinds).orElse(List.of());
    }

    private ImportReport load(Provider provider, ImportSpec spec, Path file, String fileName, String importedBy,
                              Validation checked, ImportProgress progress) {
        String table = provider.table(spec.table());
        // one import per table at a time: a second one waits, then sees the first one's file as already imported
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))::text", String.class, table);
        Integer known = jdbc.queryForObject("SELECT count(*) FROM " + provider.table("import_file")
                + " WHERE sha256 = ?", Integer.class, checked.sha256);
        if (known != null && known > 0) {
            return report(Status.UNCHANGED, provider, spec, fileName, checked, 0, List.of());
        }
        Long importId = jdbc.queryForObject("INSERT INTO " + provider.table("import_file")
                        + " (sha256, kind, file_name, row_count, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)"
                        + " RETURNING id", Long.class, checked.sha256, spec.kind(), fileName, checked.rows,
                Timestamp.from(clock.instant()), importedBy);
        List<String> keyColumns = spec.tableColumns().subList(0, spec.coverageWidth());
        String keys = String.join(", ", keyColumns);
        jdbc.execute("CREATE TEMP TABLE import_keys ON COMMIT DROP AS SELECT " + keys + " FROM " + table
                + " WITH NO DATA");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyWriter keyCopy = copy(connection, "import_keys (" + keys + ")");
            for (List<String> key : checked.keys) {
                keyCopy.row(key.toArray(String[]::new), null);
            }
            keyCopy.finish();
            jdbc.execute("ANALYZE import_keys");
            int replaced = jdbc.update("DELETE FROM " + table + " t USING import_keys k WHERE "
                    + keyColumns.stream().map(c -> "t." + c + " = k." + c).collect(Collectors.joining(" AND ")));
            copyRows(connection, provider, spec, file, checked, importId, progress);
            jdbc.update("INSERT INTO " + provider.table("access_log")
                    + " (at, local_id, actor, action, purpose) SELECT DISTINCT ?::timestamptz, local_id, ?, ?, ?"
                    + " FROM import_keys", Timestamp.from(clock.instant()), importedBy, spec.action(),
                    "取り込み / import of " + fileName);
            return report(Status.IMPORTED, provider, spec, fileName, checked, replaced, List.of());
        } catch (SQLException e) {
            throw new ImportException("the database refused the file " + fileName + ": " + e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void copyRows(Connection connection, Provider provider, ImportSpec spec, Path file, Validation checked,
                          long importId, ImportProgress progress) throws SQLException {
        CopyWriter rows = copy(connection, provider.table(spec.table()) + " ("
                + String.join(", ", spec.tableColumns()) + ", import_id)");
        String id = Long.toString(importId);
        long count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             Rows reader = new Rows(in, checked.charset, spec, provider)) {
            while (reader.next()) {
                rows.row(reader.row(), id);
                if (++count % every == 0) {
                    progress.rows("loaded", count);
                }
            }
            rows.finish();
        } catch (IOException | SQLException | RuntimeException e) {
            rows.cancel();
            throw e instanceof IOException io ? new UncheckedIOException(io) : e instanceof SQLException sql
                    ? new ImportException("the database refused the file: " + sql.getMessage())
                    : (RuntimeException) e;
        }
        progress.rows("loaded", count);
    }

    private static CopyWriter copy(Connection connection, String target) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        return new CopyWriter(copy);
    }

    private static ImportReport report(Status status, Provider provider, ImportSpec spec, String fileName,
                                       Validation checked, long replaced, List<RowError> errors) {
        return new ImportReport(status, provider.key(), spec.kind(), fileName, checked.sha256,
                checked.charset.name(), checked.rows, status == Status.IMPORTED ? checked.keys.size() : 0, replaced,
                checked.errorCount, errors);
    }
}
