package org.sscard.common.linkage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An outbox served as a feed over HTTP the way the relay serves its own ({@code GET
 * /api/v1/linkage/feed/{consumer}?after=&limit=} answering a {@link LinkageBatch}), for a consumer in another JVM.
 * One dispatcher thread, so its one database connection is never shared.
 */
final class FeedServer implements AutoCloseable {

    private static final Pattern QUERY = Pattern.compile("after=(\\d{1,18})&limit=(\\d{1,3})");

    private final HttpServer server;
    private final SingleConnectionDataSource dataSource;
    private final Outbox outbox;
    private final String consumer;
    private final AtomicInteger answered = new AtomicInteger();

    FeedServer(String jdbcUrl, String consumer) throws IOException {
        this.dataSource = new SingleConnectionDataSource(jdbcUrl, "postgres", "", true);
        this.outbox = new Outbox(new JdbcTemplate(dataSource), "linkage_outbox", Clock.systemUTC());
        this.consumer = consumer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path(), this::answer);
        server.start();
    }

    URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path());
    }

    /** Feed answers with status 200 so far. */
    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        dataSource.destroy();
    }

    private String path() {
        return "/api/v1/linkage/feed/" + consumer;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher query =
                    QUERY.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            if (!exchange.getRequestMethod().equals("GET")
                    || !exchange.getRequestURI().getPath().equals(path())
                    || !query.matches()) {
                send(exchange, 400, "{\"title\":\"Bad request\"}");
                return;
            }
            long after = Long.parseLong(query.group(1));
            int limit = Integer.parseInt(query.group(2));
            if (limit < 1 || limit > LinkageBatch.MAX_EVENTS) {
                send(exchange, 400, "{\"title\":\"limit: 1 to 500\"}");
                return;
            }
            String body;
            try {
                body = LinkageBatch.feed(outbox.after(consumer, after, limit), after)
                        .write();
            } catch (RuntimeException e) {
                send(exchange, 500, "{\"title\":\"feed failed\"}");
                return;
            }
            send(exchange, 200, body);
            answered.incrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
