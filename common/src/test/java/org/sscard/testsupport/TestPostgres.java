package org.sscard.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM. By default an embedded server (zonky, real PostgreSQL binaries) started on
 * first use; with {@code -Dsscard.test.postgres.host=127.0.0.1 -Dsscard.test.postgres.port=5432} (user postgres,
 * trust auth) an existing server instead. Each caller gets its own fresh database, so test classes never see
 * each other's rows unless they share a Spring context on purpose.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;
    private static String host;
    private static int port;

    private TestPostgres() {}

    /** Creates a new empty database and returns its JDBC URL (user postgres, no password). */
    public static synchronized String createDatabase(String prefix) {
        ensureStarted();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    public static String url(String database) {
        ensureStarted();
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static synchronized void ensureStarted() {
        if (host != null) {
            return;
        }
        String externalHost = System.getProperty("sscard.test.postgres.host");
        if (externalHost != null && !externalHost.isBlank()) {
            host = externalHost;
            port = Integer.getInteger("sscard.test.postgres.port", 5432);
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        host = "localhost";
        port = embedded.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is going away; the temp directory is removed by zonky's own cleaner
            }
        }));
    }
}
