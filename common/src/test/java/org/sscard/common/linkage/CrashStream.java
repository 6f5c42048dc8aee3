package org.sscard.common.linkage;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crash test's database: the linkage tables, the consumer's effect ({@code applied}: one row per application, in
 * the order they happened; {@code subject_counter}: per subject), publishers, and the questions the test asks.
 */
final class CrashStream implements AutoCloseable {

    static final int SUBJECTS = 50;

    final String url;
    private final SingleConnectionDataSource checkerConnection;
    private final JdbcTemplate jdbc;
    private final AtomicInteger published = new AtomicInteger();
    private final List<SingleConnectionDataSource> connections = new ArrayList<>();

    private CrashStream(LinkageTables tables) {
        this.url = tables.url;
        this.checkerConnection = new SingleConnectionDataSource(url, "postgres", "", true);
        this.jdbc = new JdbcTemplate(checkerConnection);
        connections.add(checkerConnection);
    }

    static CrashStream create() {
        CrashStream stream = new CrashStream(LinkageTables.create());
        stream.jdbc.execute("""
                CREATE TABLE applied (
                    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    event_id uuid   NOT NULL,
                    position bigint NOT NULL,
                    subject  text   NOT NULL,
                    seq      int    NOT NULL,
                    tx       xid8   NOT NULL DEFAULT pg_current_xact_id());
                CREATE TABLE subject_counter (
                    subject  text PRIMARY KEY,
                    applied  int  NOT NULL,
                    last_seq int  NOT NULL);
                """);
        for (int i = 0; i < SUBJECTS; i++) {
            stream.jdbc.update("INSERT INTO subject_counter VALUES (?, 0, 0)", subject(i));
        }
        return stream;
    }

    static String subject(int index) {
        return "06139999|10|%04d|01".formatted(index);
    }

    /**
     * A publisher of its own subjects (every {@code of}-th from {@code first}), each with a sequence 1, 2, 3, ... in
     * the order they are appended; several publishers append concurrently, each subject from one of them only.
     */
    Publisher publisher(int first, int of, long seed) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, "postgres", "", true);
        synchronized (connections) {
            connections.add(connection);
        }
        List<String> subjects = new ArrayList<>();
        for (int i = first; i < SUBJECTS; i += of) {
            subjects.add(subject(i));
        }
        return new Publisher(connection, subjects, new Random(seed));
    }

    final class Publisher {
        private final TransactionTemplate transaction;
        private final JdbcTemplate jdbc;
        private final Outbox outbox;
        private final List<String> subjects;
        private final Random random;
        private final Map<String, Integer> sequence = new HashMap<>();

        private Publisher(SingleConnectionDataSource connection, List<String> subjects, Random random) {
            this.transaction = new TransactionTemplate(new DataSourceTransactionManager(connection));
            this.jdbc = new JdbcTemplate(connection);
            this.outbox = new Outbox(jdbc, "linkage_outbox", Clock.systemUTC());
            this.subjects = subjects;
            this.random = random;
        }

        /** Appends {@code count} events in transactions of one to eight. */
        void publish(int count) {
            publish(count, Integer.MAX_VALUE);
        }

        /**
         * As {@link #publish(int)}, but before each transaction waits until no more than {@code backlog} published
         * events are still unapplied, so that publishing goes on while the consumer is killed and restarted.
         */
        void publish(int count, int backlog) {
            int left = count;
            while (left > 0) {
                if (published() - appliedSeenBy(jdbc) > backlog) {
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> published() - appliedSeenBy(jdbc) <= backlog);
                }
                int size = Math.min(left, 1 + random.nextInt(8));
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < size; i++) {
                        String subject = subjects.get(random.nextInt(subjects.size()));
                        int seq = sequence.merge(subject, 1, Integer::sum);
                        outbox.append(
                                CrashConsumer.CONSUMER,
                                "TEST_EVENT",
                                subject,
                                JsonNodeFactory.instance.objectNode().put("seq", seq));
                    }
                });
                // counted after the commit: the rows are there for the consumer to read
                published.addAndGet(size);
                left -= size;
            }
        }
    }

    int published() {
        return published.get();
    }

    int applied() {
        return appliedSeenBy(jdbc);
    }

    private static int appliedSeenBy(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM applied", Integer.class);
        return count == null ? 0 : count;
    }

    /** Rows the consumer's open transaction has written (0 between batches): its IDs above the last committed one. */
    int inFlight() {
        return count("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('applied', 'id')::regclass), 0)"
                + " - coalesce((SELECT max(id) FROM applied), 0)");
    }

    /** Rows written and never committed, over the whole run: IDs the sequence gave out that no committed row has. */
    int rolledBack() {
        return count("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('applied', 'id')::regclass), 0)"
                + " - (SELECT count(*) FROM applied)");
    }

    int consumerSessions() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = '" + CrashConsumer.APPLICATION_NAME + "'");
    }

    long cursor() {
        Long position = jdbc.query(
                "SELECT position FROM linkage_cursor WHERE source = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L,
                CrashConsumer.SOURCE);
        return position == null ? 0 : position;
    }

    long lastAppliedPosition() {
        Long position = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM applied", Long.class);
        return position == null ? 0 : position;
    }

    long lastPublishedPosition() {
        Long position = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM linkage_outbox", Long.class);
        return position == null ? 0 : position;
    }

    int inboxRows() {
        return count("SELECT count(*) FROM linkage_inbox WHERE source = '" + CrashConsumer.SOURCE + "'");
    }

    int outboxRows() {
        return count("SELECT count(*) FROM linkage_outbox");
    }

    /** Events applied more than once. */
    List<String> appliedTwice() {
        return jdbc.queryForList(
                "SELECT event_id::text FROM applied GROUP BY event_id HAVING count(*) > 1", String.class);
    }

    /** Events in the outbox never applied. */
    List<String> neverApplied() {
        return jdbc.queryForList(
                "SELECT o.event_id::text FROM linkage_outbox o"
                        + " WHERE NOT EXISTS (SELECT 1 FROM applied a WHERE a.event_id = o.event_id)",
                String.class);
    }

    /** Subjects whose events were not applied as 1, 2, 3, ... (in the order of application). */
    List<String> subjectsOutOfOrder() {
        return jdbc.queryForList(
                "SELECT DISTINCT subject FROM (SELECT subject, seq,"
                        + " row_number() OVER (PARTITION BY subject ORDER BY id) AS nth FROM applied) AS t"
                        + " WHERE seq <> nth",
                String.class);
    }

    /** Subjects the publishers did not append as 1, 2, 3, ... in position order (the test's own premise). */
    List<String> subjectsPublishedOutOfOrder() {
        return jdbc.queryForList(
                "SELECT DISTINCT subject FROM (SELECT subject, (payload->>'seq')::int AS seq,"
                        + " row_number() OVER (PARTITION BY subject ORDER BY position) AS nth FROM linkage_outbox) AS t"
                        + " WHERE seq <> nth",
                String.class);
    }

    /** Applications whose position is not above the one applied before it. */
    int positionsOutOfOrder() {
        return count("SELECT count(*) FROM (SELECT position, lag(position) OVER (ORDER BY id) AS before"
                + " FROM applied) AS t WHERE position <= before");
    }

    /** Subjects whose counter does not say: every one of its published events, the last sequence number last. */
    List<String> countersWrong() {
        return jdbc.queryForList(
                "SELECT c.subject FROM subject_counter c"
                        + " WHERE c.applied <> (SELECT count(*) FROM linkage_outbox o WHERE o.subject = c.subject)"
                        + " OR c.last_seq <> c.applied",
                String.class);
    }

    /** How many events the consumer's committed transactions applied: fewest, mean and most. */
    String batchSizes() {
        return jdbc.queryForObject(
                "SELECT min(n) || ' / ' || round(avg(n), 1) || ' / ' || max(n) FROM"
                        + " (SELECT count(*) AS n FROM applied GROUP BY tx) AS batches",
                String.class);
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        synchronized (connections) {
            connections.forEach(SingleConnectionDataSource::destroy);
        }
    }
}
