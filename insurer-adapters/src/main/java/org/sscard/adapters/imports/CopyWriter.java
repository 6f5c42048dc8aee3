package org.sscard.adapters.imports;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/** Rows into a running {@code COPY ... FROM STDIN} (text format), buffered; nulls as {@code \N}. */
final class CopyWriter {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

    CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    void row(String[] values, String last) throws SQLException {
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

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Ends a copy that cannot finish, so that the transaction can roll back on a usable connection. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the transaction rolls back with it
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

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
