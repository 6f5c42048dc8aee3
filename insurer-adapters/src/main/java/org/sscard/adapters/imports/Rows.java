package org.sscard.adapters.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sscard.adapters.provider.Provider;

/**
 * The rows of one import file, read by its spec: the header row names the columns (any order, English or Japanese
 * names), each later record becomes a table row or a list of what is wrong with it. Decoding is strict: a byte
 * sequence the charset cannot decode throws {@link java.nio.charset.CharacterCodingException}.
 */
final class Rows implements Closeable {

    private final InputStream in;
    private final CsvReader csv;
    private final ImportSpec spec;
    private final Provider provider;
    private final List<RowError> errors = new ArrayList<>();
    private List<RowError> headerErrors = List.of();
    private int[] positions;
    private int width;
    private String[] row;
    private long line;

    Rows(InputStream in, Charset charset, ImportSpec spec, Provider provider, ImportLimits limits) throws IOException {
        this.in = in;
        this.csv = new CsvReader(
                new InputStreamReader(
                        in,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                limits.maxFieldLength(),
                limits.maxFields());
        this.spec = spec;
        this.provider = provider;
        header();
    }

    private void header() throws IOException {
        CsvReader.Record header = csv.next();
        List<Column> columns = spec.columns();
        positions = new int[columns.size()];
        Arrays.fill(positions, -1);
        if (header == null) {
            headerErrors = List.of(new RowError(1, "-", "空のファイルです / the file is empty (a header row is required)"));
            return;
        }
        width = header.fields().size();
        for (int f = 0; f < width; f++) {
            String name = header.fields().get(f);
            int c = indexOf(columns, name);
            if (c < 0) {
                errors.add(new RowError(1, name, "知らない列です / unknown column"));
            } else if (positions[c] >= 0) {
                errors.add(new RowError(1, name, "列が重複しています / column given twice"));
            } else {
                positions[c] = f;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (positions[c] < 0 && columns.get(c).required()) {
                errors.add(new RowError(1, columns.get(c).name(), "必須の列がありません / required column missing"));
            }
        }
        headerErrors = List.copyOf(errors);
    }

    private static int indexOf(List<Column> columns, String header) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).matches(header)) {
                return c;
            }
        }
        return -1;
    }

    /** Errors of the header; when there are any, no record is read. */
    List<RowError> headerErrors() {
        return headerErrors;
    }

    /** Reads the next record; false at the end. Then {@link #row()} is the table row, or null and {@link #errors()}. */
    boolean next() throws IOException {
        errors.clear();
        row = null;
        CsvReader.Record record = csv.next();
        if (record == null) {
            return false;
        }
        line = record.line();
        if (record.fields().size() != width) {
            errors.add(new RowError(
                    line, "-", "列の数が違います / " + record.fields().size() + " fields, the header has " + width));
            return true;
        }
        List<Column> columns = spec.columns();
        String[] values = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String raw = positions[c] < 0 ? "" : record.fields().get(positions[c]);
            if (raw.isBlank()) {
                if (column.required()) {
                    errors.add(new RowError(line, column.name(), "必須です / required"));
                }
                continue;
            }
            try {
                values[c] = column.field().read(raw);
            } catch (InvalidValue e) {
                errors.add(new RowError(line, column.name(), e.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            try {
                row = spec.toRow(values, provider);
            } catch (RowProblem e) {
                errors.add(new RowError(line, e.column, e.getMessage()));
            }
        }
        return true;
    }

    String[] row() {
        return row;
    }

    long line() {
        return line;
    }

    List<RowError> errors() {
        return errors;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
