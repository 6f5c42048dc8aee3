package org.sscard.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** The PostgreSQL server the services share; each service still gets a database of its own. */
interface PlatformDatabase extends AutoCloseable {

    /** JDBC URL of one database on this server, as handed to a service. */
    String jdbcUrl(String database);

    String user();

    String password();

    /** One line for the ready table. */
    String description();

    /** Database to connect to for administration (CREATE DATABASE cannot run inside the target database). */
    default String adminDatabase() {
        return "postgres";
    }

    @Override
    void close();

    /** Creates the missing ones and leaves existing ones alone, so that demo data survives a restart. */
    default void createDatabasesIfMissing(Collection<String> databases) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(adminDatabase()), user(), password())) {
            for (String database : databases) {
                if (!exists(admin, database)) {
                    try (Statement create = admin.createStatement()) {
                        // Names come from ServiceSpec, never from user input; quoting keeps them exact anyway.
                        create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("cannot prepare the databases on " + description() + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
