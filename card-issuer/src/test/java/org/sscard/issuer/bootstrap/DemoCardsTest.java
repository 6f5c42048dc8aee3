package org.sscard.issuer.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.RevocationService;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * The demo bootstrap's cards, run against the real relay with residents registered here: the public certificate
 * {@code <card>.pem} beside each {@code <card>.p12}, and the demo's suspended card on hold at the CA and SUSPENDED
 * at the relay.
 */
class DemoCardsTest extends IssuerApiTest {

    @Autowired
    IssuanceService issuance;

    @Autowired
    RelayClient relayClient;

    @Autowired
    RevocationService revocation;

    @Autowired
    CertificateRecords records;

    @Test
    void writesBesideEachCardItsPublicCertificate() throws Exception {
        Path demo = demoDirectory("甲 太郎", newResident());

        boolean done = demoCards().ensure(demo, List.of(card("甲 太郎", "kou-taro.p12", "1234", false)));

        assertThat(done).isTrue();
        X509Certificate inCard = certificateOf(demo.resolve("cards/kou-taro.p12"), "1234");
        X509Certificate published = Certificates.fromPem(Files.readString(demo.resolve("cards/kou-taro.pem")));
        assertThat(published.getEncoded()).isEqualTo(inCard.getEncoded());
        assertThat(Files.readString(demo.resolve("cards/kou-taro.pem"))).doesNotContain("PRIVATE");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo.resolve("cards/kou-taro.pem"))))
                .isEqualTo("rw-------");
        assertThat(cardStatusAtTheRelay(inCard)).isEqualTo("ACTIVE");
    }

    @Test
    void putsTheSuspendedDemoCardOnHoldAtTheCaAndSuspendsItAtTheRelay() throws Exception {
        Path demo = demoDirectory("乙 花子", newResident());
        List<BootstrapProperties.DemoCard> cards = List.of(card("乙 花子", "otsu-hanako.p12", "7777", true));

        assertThat(demoCards().ensure(demo, cards)).isTrue();

        X509Certificate card = certificateOf(demo.resolve("cards/otsu-hanako.p12"), "7777");
        String serial = CertificateRecords.serialHex(card);
        assertThat(issuer("GET", "/api/v1/certificates/" + serial, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ON_HOLD");
        assertThat(cardStatusAtTheRelay(card)).isEqualTo("SUSPENDED");
        assertThat(Certificates.fromPem(Files.readString(demo.resolve("cards/otsu-hanako.pem")))
                        .getEncoded())
                .isEqualTo(card.getEncoded());

        // a restart issues and changes nothing: the card written stays the card on hold
        assertThat(demoCards().ensure(demo, cards)).isTrue();
        assertThat(certificateOf(demo.resolve("cards/otsu-hanako.p12"), "7777")).isEqualTo(card);
        assertThat(cardStatusAtTheRelay(card)).isEqualTo("SUSPENDED");
    }

    private DemoCards demoCards() {
        return new DemoCards(issuance, relayClient, revocation, records);
    }

    private static BootstrapProperties.DemoCard card(String name, String file, String pin, boolean suspended) {
        return new BootstrapProperties.DemoCard(name, file, pin, "resident-card", null, suspended);
    }

    /** A demo directory as the relay's demo data writes it: residents.tsv maps names to personal IDs. */
    private static Path demoDirectory(String name, String personalId) throws Exception {
        Path demo = tempDir("demo-cards");
        Files.write(
                demo.resolve("residents.tsv"), List.of("# kana\tname\tpersonal ID", "x\t" + name + "\t" + personalId));
        return demo;
    }

    private String cardStatusAtTheRelay(X509Certificate card) {
        return relay("GET", "/api/v1/cards/by-certificate-serial/" + CertificateRecords.serialHex(card), null)
                .json()
                .path("status")
                .asText();
    }

    private static X509Certificate certificateOf(Path pkcs12, String pin) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, pin.toCharArray());
        }
        return (X509Certificate) store.getCertificate(SoftCard.ALIAS);
    }
}
