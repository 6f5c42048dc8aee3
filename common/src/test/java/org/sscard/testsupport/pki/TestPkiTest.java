package org.sscard.testsupport.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The fixture is what the card issuer makes, and its broken variants are broken in exactly the way they say. */
class TestPkiTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final TestPki PKI = TestPki.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        PKI.close();
    }

    @Test
    void residentCardChainsToTheRootUnderTheResidentPolicy() throws Exception {
        Issued card = PKI.residentCard("12345").issue();

        assertThat(card.chain())
                .containsExactly(card.certificate(), PKI.issuing().certificate());
        assertThat(new JcaX509CertificateHolder(card.certificate()).getSubject().toString())
                .isEqualTo("SERIALNUMBER=12345");
        assertThat(card.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(card.certificate().getKeyUsage()).startsWith(true, false, false, false, false, false);
        assertThat(card.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        validate(card, PKI.root(), TestPki.RESIDENT_POLICY);
    }

    @Test
    void eachProfileHasItsPolicyAndUsage() throws Exception {
        Issued clerk = PKI.staffCard(UUID.randomUUID(), "kameda-hospital", "RECEPTION_CLERK")
                .issue();
        Issued service = PKI.serviceClient("portal-gateway").issue();
        Issued server = PKI.tlsServer("localhost").issue();

        validate(clerk, PKI.root(), TestPki.RECEPTION_CLERK_POLICY);
        validate(service, PKI.root(), TestPki.SERVICE_CLIENT_POLICY);
        validate(server, PKI.root(), TestPki.TLS_SERVER_POLICY);
        assertThat(clerk.certificate().getSubjectX500Principal().getName()).contains("OU=RECEPTION_CLERK");
        assertThat(service.certificate().getSubjectAlternativeNames())
                .containsExactly(List.of(6, "urn:sscard:service:portal-gateway"));
        assertThat(server.certificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThatThrownBy(() -> PKI.staffCard(UUID.randomUUID(), "x", "JANITOR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardOfAnotherPkiDoesNotChainToOurs() throws Exception {
        try (TestPki stranger = TestPki.create("Some other CA")) {
            Issued card = stranger.residentCard("12345").issue();
            assertThatThrownBy(() -> validate(card, PKI.root(), TestPki.RESIDENT_POLICY))
                    .isInstanceOf(CertPathValidatorException.class);
        }
    }

    @Test
    void theCrlDistributionPointListsWhatIsRevokedInTheCrl() throws Exception {
        Issued card = PKI.residentCard("12345").issue();
        assertThat(fetchCrl(card).isRevoked(card.certificate())).isFalse();

        PKI.revokeInCrl(card.certificate(), CRLReason.keyCompromise);

        X509CRL crl = fetchCrl(card);
        crl.verify(PKI.issuing().certificate().getPublicKey());
        assertThat(crl.isRevoked(card.certificate())).isTrue();
        assertThat(PKI.crl().isRevoked(card.certificate())).isTrue();
    }

    @Test
    void theOcspResponderAnswersGoodThenRevokedSignedByTheIssuingCa() throws Exception {
        Issued card = PKI.residentCard("12345").issue();
        int asked = PKI.revocation().ocspRequests();
        assertThat(askOcsp(card).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);

        PKI.revokeInOcsp(card.certificate(), CRLReason.certificateHold);

        BasicOCSPResp answer = askOcsp(card);
        assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .build(PKI.issuing().certificate().getPublicKey())))
                .isTrue();
        assertThat(answer.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) answer.getResponses()[0].getCertStatus()).getRevocationReason())
                .isEqualTo(CRLReason.certificateHold);
        assertThat(PKI.revocation().ocspRequests()).isEqualTo(asked + 2);
    }

    @Test
    void unreachableRevocationAddressesAnswer503() throws Exception {
        Issued card = PKI.residentCard("12345").revocationUnreachable().issue();
        assertThat(status(ocspUrl(card))).isEqualTo(503);
        assertThat(status(crlUrl(card))).isEqualTo(503);
        Issued ocspDown = PKI.residentCard("12345").ocspUnreachable().issue();
        assertThat(status(ocspUrl(ocspDown))).isEqualTo(503);
        assertThat(fetchCrl(ocspDown).isRevoked(ocspDown.certificate())).isFalse();
    }

    @Test
    void brokenVariantsAreBrokenAsTheySay() throws Exception {
        Instant now = Instant.now();
        assertThat(PKI.residentCard("1").signedWithSha1().issue().certificate().getSigAlgName())
                .isEqualTo("SHA1withRSA");
        assertThat(((RSAPublicKey) PKI.residentCard("1")
                                .rsa1024()
                                .issue()
                                .certificate()
                                .getPublicKey())
                        .getModulus()
                        .bitLength())
                .isEqualTo(1024);
        assertThat(PKI.residentCard("1")
                        .withoutClientAuth()
                        .issue()
                        .certificate()
                        .getExtendedKeyUsage())
                .isNull();
        X509Certificate expired = PKI.residentCard("1")
                .valid(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                .issue()
                .certificate();
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        Issued selfSigned = TestPki.selfSigned("CN=nobody");
        assertThat(selfSigned.certificate().getIssuerX500Principal())
                .isEqualTo(selfSigned.certificate().getSubjectX500Principal());
        selfSigned.certificate().verify(selfSigned.keys().getPublic());
    }

    @Test
    void endEntitiesShareTheKeyUnlessGivenOne() {
        assertThat(PKI.residentCard("1").issue().keys())
                .isSameAs(PKI.serviceClient("x").issue().keys());
        assertThat(TestPki.selfSigned("CN=a").keys().getPublic())
                .isNotEqualTo(TestPki.selfSigned("CN=b").keys().getPublic());
    }

    private static void validate(Issued leaf, Issued root, String policy) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setInitialPolicies(Set.of(policy));
        parameters.setExplicitPolicyRequired(true);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain()), parameters);
    }

    private static BasicOCSPResp askOcsp(Issued card) throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(PKI.issuing().certificate()),
                card.certificate().getSerialNumber());
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(ocspUrl(card)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                new OCSPReqBuilder().addRequest(id).build().getEncoded()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        OCSPResp ocsp = new OCSPResp(response.body());
        assertThat(ocsp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) ocsp.getResponseObject();
    }

    private static X509CRL fetchCrl(Issued card) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(crlUrl(card))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String ocspUrl(Issued card) throws Exception {
        AuthorityInformationAccess access =
                AuthorityInformationAccess.getInstance(new JcaX509CertificateHolder(card.certificate())
                        .getExtension(Extension.authorityInfoAccess)
                        .getParsedValue());
        AccessDescription ocsp = access.getAccessDescriptions()[0];
        assertThat(ocsp.getAccessMethod()).isEqualTo(AccessDescription.id_ad_ocsp);
        return uri(ocsp.getAccessLocation());
    }

    private static String crlUrl(Issued card) throws Exception {
        CRLDistPoint points = CRLDistPoint.getInstance(new JcaX509CertificateHolder(card.certificate())
                .getExtension(Extension.cRLDistributionPoints)
                .getParsedValue());
        GeneralNames names = (GeneralNames)
                points.getDistributionPoints()[0].getDistributionPoint().getName();
        return uri(names.getNames()[0]);
    }

    private static String uri(GeneralName name) {
        assertThat(name.getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return name.getName().toString();
    }
}
