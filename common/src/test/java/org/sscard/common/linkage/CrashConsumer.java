package org.sscard.common.linkage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer {@link LinkageCrashTest} runs in a child JVM and kills: a {@link FeedPoller} over the test's outbox,
 * read from the same database or over HTTP, whose effect per event is a row in {@code applied} and a per-subject
 * counter, written in the poller's transaction with the inbox row and the cursor. Each event also waits a few
 * milliseconds inside the database, so a batch spends most of its life in flight and a kill lands inside one.
 *
 * <p>Arguments: the JDBC URL, then optionally the feed's URL (without it, the outbox is read directly).
 */
final class CrashConsumer {

    static final String SOURCE = "crash";
    static final String CONSUMER = "crash-consumer";
    static final String APPLICATION_NAME = "linkage-crash-consumer";
    static final int BATCH = 50;

    private CrashConsumer() {}

    public static void main(String[] args) throws Exception {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(args[0] + "?ApplicationName=" + APPLICATION_NAME, "postgres", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Inbox inbox = new Inbox(jdbc, "linkage_inbox", "linkage_cursor", Clock.systemUTC());
        Outbox outbox = new Outbox(jdbc, "linkage_outbox", Clock.systemUTC());
        FeedPoller.Feed feed = args.length > 1
                ? new HttpFeed(URI.create(args[1]))
                : (position, limit) -> outbox.after(CONSUMER, position, limit);
        FeedPoller poller = new FeedPoller(
                new FeedPoller.Settings(SOURCE, Duration.ofMillis(20), BATCH, Duration.ofSeconds(1)),
                feed,
                FeedPoller.deduplicated(inbox, SOURCE, event -> apply(jdbc, event)),
                inbox,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        poller.start();
        System.out.println("consumer started");
        // runs until the test kills this JVM
        new CountDownLatch(1).await();
    }

    private static void apply(JdbcTemplate jdbc, LinkageEvent event) {
        int seq = event.payload().get("seq").asInt();
        jdbc.update(
                "INSERT INTO applied (event_id, position, subject, seq) VALUES (?, ?, ?, ?)",
                event.eventId(),
                event.position(),
                event.subject(),
                seq);
        jdbc.execute("SELECT pg_sleep(0.002)");
        int counted = jdbc.update(
                "UPDATE subject_counter SET applied = applied + 1, last_seq = ? WHERE subject = ?",
                seq,
                event.subject());
        if (counted != 1) {
            throw new IllegalStateException("no counter for subject " + event.subject());
        }
    }

    /** The feed over HTTP, as an insurer pulls the relay's: GET ?after=&limit= answering a {@link LinkageBatch}. */
    private record HttpFeed(URI uri, HttpClient client) implements FeedPoller.Feed {

        HttpFeed(URI uri) {
            this(
                    uri,
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build());
        }

        @Override
        public List<LinkageEvent> after(long position, int limit) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "?after=" + position + "&limit=" + limit))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("the feed answered " + response.statusCode());
            }
            LinkageBatch batch = LinkageBatch.read(response.body());
            if (batch.next() == null || batch.next() < position) {
                throw new IOException("the feed's answer has no next at or after " + position);
            }
            return batch.events();
        }
    }
}
