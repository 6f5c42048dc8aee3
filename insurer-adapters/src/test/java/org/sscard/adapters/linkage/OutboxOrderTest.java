package org.sscard.adapters.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Eventually;
import org.sscard.common.linkage.LinkageEvent;
import org.sscard.common.linkage.Outbox;

/**
 * Every writer of an insurer's outbox takes its append lock first, so positions become visible in commit order: a
 * registration that took a position and is still writing (its transaction open) holds back a second writer, and the
 * feed the pusher reads never shows the later position while the earlier one may still commit.
 */
class OutboxOrderTest extends AdaptersTest {

    @Autowired
    Providers providers;

    @Autowired
    JdbcTemplate template;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void aLaterWriterWaitsUntilAnEarlierPositionIsCommitted() throws Exception {
        String admin = PusherTest.admin("kamogawa-nhi");
        PusherTest.join(port, admin, "kamogawa-nhi", "鴨川", "LO1", "00");
        PusherTest.join(port, admin, "kamogawa-nhi", "鴨川", "LO2", "00");
        Provider nhi = providers.find("kamogawa-nhi").orElseThrow();
        Outbox feed = new Outbox(template, nhi.table("linkage_outbox"), Clock.systemUTC());
        long before = count("SELECT max(position) FROM kamogawa_nhi.linkage_outbox");

        try (Connection open = DriverManager.getConnection(url, "postgres", "")) {
            open.setAutoCommit(false);
            // a loss registration: its event takes a position, and its transaction is still writing (open)
            try (PreparedStatement loss = open.prepareStatement(
                    "UPDATE kamogawa_nhi.member SET lost_on = DATE '2027-01-01' WHERE local_id = ?")) {
                loss.setString(1, "122382|鴨川|LO1|00");
                loss.executeUpdate();
            }
            eventsOn(open).left(nhi, "122382|鴨川|LO1|00");
            // a second writer of the same outbox, in a transaction of its own (here: another loss, over HTTP)
            CompletableFuture<Void> later = CompletableFuture.runAsync(
                    () -> PusherTest.lose(port, admin, "kamogawa-nhi", "122382|鴨川|LO2|00", "2027-02-01"));
            Eventually.until("the second writer finished or waits for a lock", () -> later.isDone() || waiting() > 0);

            assertThat(feed.after("relay", before, 100))
                    .as("a later position may not be read while an earlier one may still commit: a cursor past"
                            + " it would lose it for good")
                    .extracting(LinkageEvent::subject)
                    .filteredOn(subject -> subject.contains("|LO"))
                    .isEmpty();

            open.commit();
            later.get();
        }
        assertThat(feed.after("relay", before, 100))
                .extracting(event -> event.type() + " " + event.subject())
                .filteredOn(line -> line.contains("|LO"))
                .containsExactly("MEMBER_LEFT 122382|鴨川|LO1|00", "MEMBER_LEFT 122382|鴨川|LO2|00");
    }

    /** The service's event writer on a connection of the test's own (whose transaction the test ends). */
    private static MemberEvents eventsOn(Connection connection) {
        return new MemberEvents(
                new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(Linkage.class));
    }

    private long waiting() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }
}
