package org.sscard.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;

/** The PostgreSQL server the services share; each service still gets a database of its own. */
interface PlatformDatabase extends AutoCloseable {

    /** JDBC URL of one database on this server, as handed to a service. */
    String jdbcUrl(String database);

    /** The administrator: the embedded server's superuser, or {@code SSCARD_DB_USER} on an external one. */
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

    /** Where the superuser's and the service roles' passwords are kept. */
    DatabasePasswords passwords();

    /** The owner (Flyway's) and the runtime (the service's) role of one service's database. */
    default ServiceRoles rolesOf(String database) {
        return ServiceRoles.of(database, passwords());
    }

    /**
     * Creates each service's database and its two roles if missing, leaves existing data alone (demo data survives a
     * restart) and brings privileges to what they must be ({@link ServiceDatabases}).
     */
    default void prepareDatabases(Collection<String> databases) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(adminDatabase()), user(), password())) {
            for (String database : databases) {
                ServiceRoles roles = rolesOf(database);
                ServiceDatabases.prepareServer(admin, roles);
                try (Connection inDatabase = DriverManager.getConnection(jdbcUrl(database), user(), password())) {
                    ServiceDatabases.prepareDatabase(inDatabase, roles);
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("cannot prepare the databases on " + description() + ": " + e.getMessage(), e);
        }
    }
}
