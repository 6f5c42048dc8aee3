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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sscard.testsupport.MovableClock;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.pki.CertificateBuilder;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The check as {@link CardLoginConfig} wires it, without TLS: what the handshake's own checks would stop before
 * the login sees it (an expired card), and the fail-open switch, which the shared test service keeps off. The
 * audit table is on a database of this class's own.
 */
class CardCertificateCheckTest {

    private static final TestPki PKI = TestPki.create();
    private static final JdbcClient AUDIT_DB = migratedDatabase();

    @TempDir
    Path dataDir;

    @Test
    void rejectsExpiredCardAsExpired() {
        Issued card = card().issue();
        Clock dayAfterExpiry =
                Clock.fixed(card.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertThat(check(false, dayAfterExpiry).check(card.chain()))
                .isEqualTo(CardCertificateCheck.Verdict.reject("EXPIRED"));
    }

    @Test
    void rejectsCardWithUnknownRevocationStatusWhenFailClosed() {
        assertThat(check(false, Clock.systemUTC())
                        .check(card().revocationUnreachable().issue().chain()))
                .isEqualTo(CardCertificateCheck.Verdict.reject("REVOCATION_UNKNOWN"));
    }

    @Test
    void acceptsCardWithUnknownRevocationStatusWhenFailOpenAndAuditsIt() {
        Issued card = card().revocationUnreachable().issue();
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LoginAudit.LOGGER);
        logger.addAppender(audit);
        try {
            assertThat(check(true, Clock.systemUTC()).check(card.chain()).accepted())
                    .isTrue();
        } finally {
            logger.detachAppender(audit);
        }
        assertThat(audit.list).singleElement().satisfies(event -> {
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("event.action");
                assertThat(kv.value).isEqualTo("revocation-fail-open");
            });
            assertThat(event.getKeyValuePairs())
                    .anySatisfy(kv -> assertThat(kv.value).isEqualTo(card.serialHex()));
        });
        assertThat(AUDIT_DB.sql("SELECT * FROM login_audit WHERE certificate_serial = ?")
                        .param(card.serialHex())
                        .query()
                        .singleRow())
                .containsEntry("event", "revocation-fail-open")
                .containsEntry("outcome", "success")
                .containsEntry("reason", "REVOCATION_UNKNOWN")
                .containsEntry(
                        "certificate_issuer",
                        card.certificate().getIssuerX500Principal().getName())
                .containsEntry("subject", null);
    }

    /**
     * The CA's publication is stuck (or an old CRL is replayed): every CRL it serves was issued at {@code issued},
     * valid 24 hours as the card issuer's are. Within the maximum age (two hours by default) it is used; beyond it,
     * though its nextUpdate is hours away, it is not, and with OCSP down the card's status is unknown.
     */
    @Test
    void refusesAsRevocationUnknownWhenNoCrlIsYoungerThanTheMaximumAge() {
        Instant issued = Instant.now();
        PKI.revocation().issueCrlsAsOf(issued, Duration.ofHours(24));
        try {
            Issued card = card().ocspUnreachable().issue();
            MovableClock clock =
                    new MovableClock(issued.plus(Duration.ofHours(1)).plusSeconds(50));
            CardCertificateCheck check = check(false, clock);
            assertThat(check.check(card.chain()).accepted()).isTrue();

            clock.set(issued.plus(Duration.ofHours(2)).plusSeconds(61));
            assertThat(check.check(card.chain())).isEqualTo(CardCertificateCheck.Verdict.reject("REVOCATION_UNKNOWN"));
        } finally {
            PKI.revocation().issueCrlsAsOf(null, Duration.ofHours(1));
        }
    }

    private static JdbcClient migratedDatabase() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(TestPostgres.createDatabase("auth_check"), "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return JdbcClient.create(dataSource);
    }

    private CardCertificateCheck check(boolean failOpen, Clock clock) {
        PKI.writeTrustRoot(dataDir);
        assertThat(Files.isRegularFile(dataDir.resolve("tls").resolve("ca-root.pem")))
                .isTrue();
        CardLoginConfig config = new CardLoginConfig();
        CardLoginProperties properties = new CardLoginProperties(
                0,
                URI.create("https://localhost"),
                "sscard",
                new CardLoginProperties.RateLimit(10, 30),
                failOpen,
                Duration.ofSeconds(2),
                Duration.ofHours(2),
                URI.create("https://desk.localhost:8087"));
        return config.cardCertificateCheck(
                config.cardPathValidator(
                        dataDir,
                        properties,
                        config.cardRevocationChecker(properties),
                        config.cardRevocationAudit(new LoginAuditTable(AUDIT_DB))),
                clock);
    }

    private static CertificateBuilder card() {
        return PKI.residentCard(RelayFixture.newPersonalId());
    }
}
