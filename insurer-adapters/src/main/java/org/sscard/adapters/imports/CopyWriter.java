package org.sscard.adapters.imports;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** Rows in COPY's text format (tab-separated, {@code \N} for null, backslash escapes), handed on in chunks. */
final class CopyWriter {

    /** Where a chunk of COPY text goes: the database connection, or a queue towards it. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] chunk) throws SQLException, InterruptedException;
    }

    private static final int FLUSH_AT = 1 << 16;

    private final Sink sink;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

    CopyWriter(Sink sink) {
        this.sink = sink;
    }

    void row(String[] values, String last) throws SQLException, InterruptedException {
        for (String value : values) {
            field(value);
            buffer.append('\t');
        }
        if (last == null) {
            buffer.setLength(buffer.length() - 1);
        } else {
            field(last);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    void flush() throws SQLException, InterruptedException {
        if (!buffer.isEmpty()) {
            sink.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }
    }

    private void field(String value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
