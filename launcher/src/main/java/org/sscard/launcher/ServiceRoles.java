package org.sscard.launcher;

/**
 * The two login roles of one service's database: the owner, which owns the schema and every table and is used by
 * Flyway only ({@code spring.flyway.user}), and the runtime role the service connects as, which may read and write
 * rows but changes no table, trigger or grant, and may only append to the audit tables.
 */
record ServiceRoles(String database, String owner, String ownerPassword, String runtime, String runtimePassword) {

    static ServiceRoles of(String database, DatabasePasswords passwords) {
        String owner = ownerOf(database);
        String runtime = runtimeOf(database);
        return new ServiceRoles(database, owner, passwords.of(owner), runtime, passwords.of(runtime));
    }

    static String ownerOf(String database) {
        return database + "_owner";
    }

    static String runtimeOf(String database) {
        return database + "_app";
    }

    @Override
    public String toString() {
        return "ServiceRoles[" + database + ": " + owner + ", " + runtime + "]";
    }
}
