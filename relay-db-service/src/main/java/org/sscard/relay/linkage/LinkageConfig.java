package org.sscard.relay.linkage;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sscard.common.linkage.Inbox;
import org.sscard.common.linkage.Outbox;

/**
 * The relay's ends of the linkage machinery (common.linkage): its inbox, which remembers every event an insurer
 * pushed (source {@code provider:<key>}), and its outbox, from which each insurer pulls what the relay tells it.
 */
@Configuration(proxyBeanMethods = false)
class LinkageConfig {

    @Bean
    Inbox linkageInbox(JdbcTemplate jdbc, Clock clock) {
        return new Inbox(jdbc, "linkage_inbox", "linkage_cursor", clock);
    }

    @Bean
    Outbox linkageOutbox(JdbcTemplate jdbc, Clock clock) {
        return new Outbox(jdbc, "linkage_outbox", clock);
    }
}
