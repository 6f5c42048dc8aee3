package org.sscard.issuer.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.issuer.config.IssuerProperties;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.RevocationService;

/**
 * On start, the platform bootstraps itself from its CA: server certificates for every service at once; in the
 * demo, soft cards for the demo residents and staff as soon as the relay has them (retried in the background,
 * since the relay may start after the CA).
 */
@Component
class PlatformBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);
    private static final Duration DEMO_CARDS_PATIENCE = Duration.ofMinutes(5);

    private final BootstrapProperties bootstrap;
    private final Path dataDir;
    private final ServerCertificates serverCertificates;
    private final DemoCards demoCards;
    private final boolean demo;

    PlatformBootstrap(
            BootstrapProperties bootstrap,
            IssuerProperties issuer,
            ServerCertificates serverCertificates,
            IssuanceService issuance,
            RelayClient relay,
            RevocationService revocation,
            CertificateRecords records,
            Environment environment) {
        this.bootstrap = bootstrap;
        this.dataDir = issuer.dataDir();
        this.serverCertificates = serverCertificates;
        this.demoCards = new DemoCards(issuance, relay, revocation, records);
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bootstrap.serverCertificates()) {
            serverCertificates.ensure(dataDir.resolve("tls"), bootstrap.services(), bootstrap::dnsNames);
            serverCertificates.ensureClients(ServiceCredentials.directory(dataDir), bootstrap.serviceClients());
        }
        if (demo && !bootstrap.demoCards().isEmpty()) {
            Thread thread = new Thread(this::issueDemoCards, "demo-cards");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void issueDemoCards() {
        Instant deadline = Instant.now().plus(DEMO_CARDS_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (demoCards.ensure(dataDir.resolve("demo"), bootstrap.demoCards())) {
                log.info("demo cards ready in {}", dataDir.resolve("demo/cards"));
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("demo cards not issued: the relay's demo residents did not appear in time");
    }
}
