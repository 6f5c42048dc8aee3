package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.RelayFixture;
import org.sscard.auth.support.TestPki;

/**
 * The check as {@link CardLoginConfig} wires it, without TLS: what the handshake's own checks would stop before
 * the login sees it (an expired card), and the fail-open switch, which the shared test service keeps off.
 */
class CardCertificateCheckTest {

    private static final TestPki PKI = TestPki.platform();

    @TempDir
    Path dataDir;

    @Test
    void rejectsExpiredCardAsExpired() {
        Clock nextYear = Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        assertThat(check(false, nextYear).check(card().issue().chain()))
                .isEqualTo(CardCertificateCheck.Verdict.reject("EXPIRED"));
    }

    @Test
    void rejectsCardWithUnknownRevocationStatusWhenFailClosed() {
        assertThat(check(false, Clock.systemUTC()).check(card().revocationUnreachable().issue().chain()))
                .isEqualTo(CardCertificateCheck.Verdict.reject("REVOCATION_UNKNOWN"));
    }

    @Test
    void acceptsCardWithUnknownRevocationStatusWhenFailOpenAndAuditsIt() {
        Card card = card().revocationUnreachable().issue();
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LoginAudit.LOGGER);
        logger.addAppender(audit);
        try {
            assertThat(check(true, Clock.systemUTC()).check(card.chain()).accepted()).isTrue();
        } finally {
            logger.detachAppender(audit);
        }
        assertThat(audit.list).singleElement().satisfies(event -> {
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("event.action");
                assertThat(kv.value).isEqualTo("revocation-fail-open");
            });
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> assertThat(kv.value).isEqualTo(card.serialHex()));
        });
    }

    private CardCertificateCheck check(boolean failOpen, Clock clock) {
        PKI.writeTrustRoot(dataDir);
        assertThat(Files.isRegularFile(dataDir.resolve("tls").resolve("ca-root.pem"))).isTrue();
        CardLoginConfig config = new CardLoginConfig();
        CardLoginProperties properties = new CardLoginProperties(0, URI.create("https://localhost"), "sscard",
                new CardLoginProperties.RateLimit(10, 30), failOpen, Duration.ofSeconds(2));
        return config.cardCertificateCheck(config.cardPathValidator(dataDir, properties,
                config.cardRevocationChecker(properties), config.cardRevocationAudit()), clock);
    }

    private static org.sscard.auth.support.CardBuilder card() {
        return PKI.card("SERIALNUMBER=" + RelayFixture.newPersonalId()).policy(TestPki.RESIDENT_POLICY);
    }
}
