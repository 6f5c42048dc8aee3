package org.sscard.common.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fixes, for the current transaction, every setting that changes PostgreSQL's text form of a value, so that a row
 * hashes the same whoever reads it, from wherever: the chainer in a service, the verifier on an operator's machine.
 */
final class CanonicalText {

    private static final String SETTINGS = "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD';"
            + " SET LOCAL IntervalStyle = 'iso_8601'; SET LOCAL extra_float_digits = 1;"
            + " SET LOCAL bytea_output = 'hex'";

    private CanonicalText() {}

    /** Inside a transaction (auto-commit off): SET LOCAL ends with it. */
    static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SETTINGS);
        }
    }
}
