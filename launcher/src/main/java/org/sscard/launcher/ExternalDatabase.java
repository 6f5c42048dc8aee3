package org.sscard.launcher;

/**
 * A PostgreSQL server the user already runs, given as {@code SSCARD_DB_URL}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/} (a database name in it is used for administration only). The user
 * ({@code SSCARD_DB_USER}) administers only: it creates each service's database and roles as on the embedded server
 * (docs/security.md says what it needs); the services connect as their own roles.
 */
final class ExternalDatabase implements PlatformDatabase {

    private static final String PREFIX = "jdbc:postgresql://";

    private final String serverUrl;
    private final String adminDatabase;
    private final String query;
    private final String user;
    private final String password;
    private final DatabasePasswords passwords;

    ExternalDatabase(String url, String user, String password, DatabasePasswords passwords) {
        if (!url.startsWith(PREFIX)) {
            throw new LaunchException("SSCARD_DB_URL must start with " + PREFIX + ", got " + url);
        }
        int queryStart = url.indexOf('?');
        String withoutQuery = queryStart < 0 ? url : url.substring(0, queryStart);
        this.query = queryStart < 0 ? "" : url.substring(queryStart);
        int pathStart = withoutQuery.indexOf('/', PREFIX.length());
        this.serverUrl = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
        String path = pathStart < 0 ? "" : withoutQuery.substring(pathStart + 1);
        this.adminDatabase = path.isBlank() ? "postgres" : path;
        this.user = user;
        this.password = password;
        this.passwords = passwords;
    }

    @Override
    public String jdbcUrl(String database) {
        return serverUrl + "/" + database + query;
    }

    @Override
    public String adminDatabase() {
        return adminDatabase;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public DatabasePasswords passwords() {
        return passwords;
    }

    @Override
    public String description() {
        return "external PostgreSQL " + serverUrl.substring(PREFIX.length()) + " (SSCARD_DB_URL), user " + user;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
