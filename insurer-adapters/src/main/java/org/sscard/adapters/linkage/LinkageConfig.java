package org.sscard.adapters.linkage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.adapters.config.DataDirectory;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;
import org.sscard.common.linkage.FeedPoller;
import org.sscard.common.linkage.Inbox;
import org.sscard.common.linkage.Outbox;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.TokenProperties;

/**
 * Per insurer two pollers over its own schema's tables: the pusher (source {@code push:relay}: its outbox → the
 * relay's inbox, with this service's client-credentials token for {@code relay-db-service}) and the consumer
 * (source {@code relay}, deduplicated: the relay's feed for it → {@link PreviousCoverageReceiver}). The service
 * certificate ({@code <data-dir>/clients/insurer-adapters.crt|.key}) is read at the first token request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(TokenProperties.class)
class LinkageConfig {

    static final String PUSH_SOURCE = "push:" + MemberEvents.RELAY;
    static final String FEED_SOURCE = "relay";

    @Bean
    Linkage linkage(
            Providers providers,
            LinkageProperties settings,
            TokenProperties tokens,
            DataDirectory dataDirectory,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            PreviousCoverageReceiver receiver,
            ObjectMapper json,
            Clock clock) {
        Linkage linkage = new Linkage(settings.enabled());
        if (!settings.enabled()) {
            return linkage;
        }
        if (settings.relayUrl() == null) {
            throw new IllegalStateException("sscard.adapters.linkage.relay-url (SSCARD_RELAY_URL) is required");
        }
        Supplier<SSLContext> trust = () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDirectory.dataDir()));
        ServiceTokenClient tokenClient = new ServiceTokenClient(
                tokens.tokenUri(),
                () -> ServiceCredentials.read(ServiceCredentials.directory(dataDirectory.dataDir()), tokens.clientId()),
                trust,
                clock);
        RelayClient relay = new RelayClient(settings.relayUrl(), tokenClient, trust, json);
        for (Provider provider : providers.all()) {
            if (!provider.isInsurer()) {
                continue;
            }
            Inbox inbox = new Inbox(jdbc, provider.table("linkage_inbox"), provider.table("linkage_cursor"), clock);
            Outbox outbox = new Outbox(jdbc, provider.table("linkage_outbox"), clock);
            LastFailure pushFailure = new LastFailure();
            FeedPoller pusher = new FeedPoller(
                    settings(settings, PUSH_SOURCE),
                    (position, limit) -> tracked(pushFailure, () -> outbox.after(MemberEvents.RELAY, position, limit)),
                    events -> tracked(pushFailure, () -> {
                        relay.push(provider.key(), events);
                        return null;
                    }),
                    inbox,
                    transaction);
            LastFailure feedFailure = new LastFailure();
            FeedPoller.Handler apply =
                    FeedPoller.deduplicated(inbox, FEED_SOURCE, event -> receiver.apply(provider, event));
            FeedPoller consumer = new FeedPoller(
                    settings(settings, FEED_SOURCE),
                    (position, limit) -> tracked(feedFailure, () -> relay.feed(provider.key(), position, limit)),
                    events -> tracked(feedFailure, () -> {
                        apply.apply(events);
                        return null;
                    }),
                    inbox,
                    transaction);
            linkage.add(
                    provider.key(),
                    new Linkage.Running(provider.key() + " push", pusher, pushFailure),
                    new Linkage.Running(provider.key() + " feed", consumer, feedFailure));
        }
        return linkage;
    }

    private static FeedPoller.Settings settings(LinkageProperties settings, String source) {
        return new FeedPoller.Settings(source, settings.interval(), settings.batch(), settings.maxBackoff());
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    /** Runs the call; what it throws is remembered for the health indicator and thrown on to the poller. */
    private static <T> T tracked(LastFailure failure, Call<T> call) throws Exception {
        try {
            return call.call();
        } catch (Exception e) {
            failure.record(e);
            throw e;
        }
    }
}
