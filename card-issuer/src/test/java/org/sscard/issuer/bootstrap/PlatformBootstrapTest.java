package org.sscard.issuer.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.TestTokenIssuer;

/** The platform bootstraps itself from its CA: server certificates for every service, demo cards in the demo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("demo")
class PlatformBootstrapTest {

    private static final RelayProcess RELAY = RelayProcess.get();
    private static final String DATABASE = TestPostgres.createDatabase("issuer_bootstrap");

    /** The demo's administrator of the city's NHI, whose card the demo list names (the relay's demo data has them). */
    private static final String NHI_ADMIN = "国保 管理";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ensureTheNhiAdministrator();
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("sscard.data-dir", () -> RELAY.dataDir().toString());
        registry.add("sscard.relay-url", RELAY::baseUrl);
        registry.add("sscard.tokens.issuer", () -> TestTokenIssuer.get().issuer());
        registry.add("sscard.issuer.ca.public-url", () -> "http://localhost:9");
        registry.add("logging.structured.format.console", () -> "");
    }

    @Test
    void issuesAServerCertificateForEveryServiceOnItsOwnHostWithAnOwnerOnlyKey() throws Exception {
        Path tls = RELAY.dataDir().resolve("tls");
        X509Certificate root = read(tls.resolve("ca-root.pem")).get(0);
        Map<String, String> ownHosts = Map.of(
                "relay-db-service", "relay.localhost",
                "card-issuer", "issuer.localhost",
                "auth-service", "auth.localhost",
                "insurer-adapters", "insurers.localhost",
                "portal-gateway", "portal.localhost",
                "hospital-portal", "hospital.localhost",
                "reception-desk", "desk.localhost",
                "operator-console", "console.localhost");
        for (String service : ownHosts.keySet()) {
            List<X509Certificate> chain = read(tls.resolve(service + ".crt"));
            X509Certificate server = chain.get(0);
            server.verify(chain.get(1).getPublicKey());
            chain.get(1).verify(root.getPublicKey());
            assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
            assertThat(server.getSubjectAlternativeNames())
                    .extracting(name -> name.get(1).toString())
                    .contains(ownHosts.get(service), "localhost", "127.0.0.1")
                    .doesNotContainAnyElementsOf(ownHosts.values().stream()
                            .filter(host -> !host.equals(ownHosts.get(service)))
                            .toList());
            Path key = tls.resolve(service + ".key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertKeyMatches(key, server);
        }
    }

    @Test
    void issuesTheDemoSoftCardsOnceTheRelayHasTheDemoResidents() throws Exception {
        Path cards = RELAY.dataDir().resolve("demo/cards");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(cards.resolve("cards.tsv")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        List<String> index = Files.readAllLines(cards.resolve("cards.tsv"));
        // every configured card, so every demo holder exists in the relay's demo data
        assertThat(index.stream().filter(line -> !line.startsWith("#"))).hasSize(12);
        KeyStore hanako = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cards.resolve("kamogawa-hanako.p12"))) {
            hanako.load(in, "1111".toCharArray());
        }
        X509Certificate card = (X509Certificate) hanako.getCertificate(SoftCard.ALIAS);
        assertThat(card.getSubjectX500Principal().getName()).startsWith("2.5.4.5=");
        assertThat(read(cards.resolve("kamogawa-hanako.pem"))).containsExactly(card);
        KeyStore clerk = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cards.resolve("clerk-kameda-hospital.p12"))) {
            clerk.load(in, "9001".toCharArray());
        }
        assertThat(((X509Certificate) clerk.getCertificate(SoftCard.ALIAS))
                        .getSubjectX500Principal()
                        .getName())
                .contains("O=kameda-hospital")
                .contains("OU=RECEPTION_CLERK");
        assertThat(index).contains("admin-kamogawa-nhi.p12\t" + NHI_ADMIN + "\t9005");
        KeyStore nhiAdmin = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cards.resolve("admin-kamogawa-nhi.p12"))) {
            nhiAdmin.load(in, "9005".toCharArray());
        }
        assertThat(((X509Certificate) nhiAdmin.getCertificate(SoftCard.ALIAS))
                        .getSubjectX500Principal()
                        .getName())
                .contains("O=kamogawa-nhi")
                .contains("OU=INSURER_ADMIN");
    }

    @Test
    void makesTheOperatorsConsoleAServiceClientCertificateAsTheReceptionDesk() throws Exception {
        Path clients = ServiceCredentials.directory(RELAY.dataDir());
        for (String client : List.of("reception-desk", "operator-console")) {
            ServiceCredentials credentials = ServiceCredentials.read(clients, client);
            assertThat(credentials.certificate().getSubjectX500Principal().getName())
                    .startsWith("CN=" + client);
            assertThat(credentials.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        }
    }

    /**
     * The relay this JVM shares may predate that administrator in its demo data: registered here then, before the
     * issuer starts, so that the demo card list is complete either way.
     */
    private static void ensureTheNhiAdministrator() {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String staff = http.send(
                            HttpRequest.newBuilder(
                                            URI.create(RELAY.baseUrl() + "/api/v1/staff?organisation=kamogawa-nhi"))
                                    .header("Authorization", RELAY.authorization("city-office"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (!staff.contains(NHI_ADMIN)) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(RELAY.baseUrl() + "/api/v1/staff"))
                                .header("Authorization", RELAY.authorization("city-office"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"organisation\":\"kamogawa-nhi\","
                                        + "\"role\":\"INSURER_ADMIN\",\"nameKanji\":\"" + NHI_ADMIN + "\","
                                        + "\"nameKana\":\"コクホ カンリ\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
    }

    private static void assertKeyMatches(Path keyFile, X509Certificate certificate) throws Exception {
        String pem =
                Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }
}
