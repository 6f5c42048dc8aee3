package org.sscard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sscard.testsupport.pki.CertificateBuilder;
import org.sscard.testsupport.pki.TestPki;

/**
 * The service-client profile's leaf checks (the token endpoint runs them before the path): what RFC 5280 and client
 * authentication ask of a client certificate ({@code ClientLeafRules}, shared with the card profiles), and the
 * client's own name in the subject and the SAN, each missing in turn.
 */
class ClientCertificateRulesTest {

    private static final TestPki PKI = TestPki.create();

    @Test
    void acceptsTheServiceClientCertificateTheCardIssuerMakes() {
        assertThat(ClientCertificateRules.refusal(
                        PKI.serviceClient("test-service").issue().certificate(), "test-service"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfit")
    void refusesAServiceCertificateThatIsNoProperClientCertificate(
            String defect, UnaryOperator<CertificateBuilder> unfit, String why) {
        assertThat(ClientCertificateRules.refusal(
                        unfit.apply(PKI.serviceClient("test-service")).issue().certificate(), "test-service"))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains(why));
    }

    static Stream<Arguments> unfit() {
        return Stream.of(
                Arguments.of(
                        "no digitalSignature",
                        (UnaryOperator<CertificateBuilder>) c -> c.keyUsage(KeyUsage.keyEncipherment),
                        "keyUsage without digitalSignature"),
                Arguments.of(
                        "a CA", (UnaryOperator<CertificateBuilder>) c -> c.ca(), "a CA certificate, not an end entity"),
                Arguments.of(
                        "no clientAuth",
                        (UnaryOperator<CertificateBuilder>) CertificateBuilder::withoutClientAuth,
                        "not for client authentication"),
                Arguments.of(
                        "a DSA key",
                        (UnaryOperator<CertificateBuilder>) c -> c.keys(dsa2048()),
                        "DSA key, not RSA or EC"),
                Arguments.of(
                        "a stray critical extension",
                        (UnaryOperator<CertificateBuilder>)
                                c -> c.extension(Extension.inhibitAnyPolicy, true, new ASN1Integer(0)),
                        "critical extension 2.5.29.54"),
                Arguments.of(
                        "another service's name in the SAN",
                        (UnaryOperator<CertificateBuilder>) c -> c.uri("urn:sscard:service:relay-db-service"),
                        "subject alternative names other than [urn:sscard:service:test-service]"),
                Arguments.of(
                        "a DNS name in the SAN",
                        (UnaryOperator<CertificateBuilder>) c -> c.dnsName("test-service.example"),
                        "a subject alternative name other than a URI"));
    }

    private static java.security.KeyPair dsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
