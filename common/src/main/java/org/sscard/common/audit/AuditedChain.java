package org.sscard.common.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One service's audit chain: the service's name (which names its audit key, {@code <data-dir>/audit/<name>/}, and is
 * signed into every checkpoint, so that one service's checkpoints never pass for another's) and the append-only
 * tables whose rows it links, each with a {@code bigint} primary key column {@code id}, in the service's schema.
 */
public record AuditedChain(String name, List<String> tables) {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public AuditedChain {
        if (name == null || !SERVICE.matcher(name).matches()) {
            throw new IllegalArgumentException("a chain is named after its service, e.g. relay-db-service: " + name);
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a chain links at least one audit table");
        }
        for (String table : tables) {
            if (!TABLE.matcher(table).matches() || table.startsWith("audit_chain_")) {
                throw new IllegalArgumentException("not an audit table name: " + table);
            }
        }
    }

    /** The chain's own tables and the audit tables are named only as these identifiers; quoting keeps them exact. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
