package org.sscard.common.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical encoding of one audit row, which its row hash covers. A version line, the table's name, then one line
 * per column in the catalogue's order ({@code attnum}): {@code name=<byte length>:<value>}, the value being
 * PostgreSQL's own text form under {@link CanonicalText}'s settings. A NULL column is left out, so NULL differs from
 * an empty value ({@code name=0:}), and a nullable column added later without a default leaves the hashes of older
 * rows unchanged. The length prefix keeps values containing newlines or '=' unambiguous.
 */
final class RowEncoding {

    static final String VERSION = "sscard-audit-row-v1";

    private RowEncoding() {}

    static byte[] hash(String table, List<String> columns, List<String> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " columns, " + values.size() + " values");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        line(out, VERSION);
        line(out, "table=" + table);
        for (int i = 0; i < columns.size(); i++) {
            String value = values.get(i);
            if (value != null) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                write(out, columns.get(i) + "=" + bytes.length + ":");
                out.writeBytes(bytes);
                out.write('\n');
            }
        }
        return Sha256.of(out.toByteArray());
    }

    private static void line(ByteArrayOutputStream out, String text) {
        write(out, text);
        out.write('\n');
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
