package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.IssuerApiTest;

class SoftCardIssuanceTest extends IssuerApiTest {

    private static final String CARD_POLICY = "2.25.282948580063040574886034106954584755375.1.1";

    @Test
    void issuesAResidentSoftCardThatCarriesOnlyThePersonalId() throws Exception {
        String personalId = newResident();
        Response issued = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", personalId, "pin", "4321"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.body()).doesNotContain(personalId);

        KeyStore card = org.sscard.issuer.support.Certificates.softCard(
                issued.json().path("pkcs12").asText(), "4321");
        X509Certificate certificate = (X509Certificate) card.getCertificate(SoftCard.ALIAS);
        assertThat(card.getKey(SoftCard.ALIAS, "4321".toCharArray())).isInstanceOf(PrivateKey.class);
        assertThat(card.getCertificateChain(SoftCard.ALIAS)).hasSize(3);

        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs()).hasSize(1);
        assertThat(subject.getRDNs()[0].getFirst().getType())
                .isEqualTo(org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER);
        assertThat(subject.getRDNs()[0].getFirst().getValue().toString()).isEqualTo(personalId);
        assertThat(issuer(
                                "GET",
                                "/api/v1/cards/"
                                        + issued.json().path("cardSerial").asText(),
                                null)
                        .body())
                .doesNotContain(personalId)
                .doesNotContain(toHex(personalId));
        assertThat(certificate.getKeyUsage()).startsWith(true, false, false, false, false);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(policies(certificate)).containsExactly(CARD_POLICY);
        assertThat(crlUrls(certificate)).containsExactly(publicationUrl() + "/crl/issuing.crl");
        assertThat(new String(certificate.getExtensionValue(Extension.authorityInfoAccess.getId())))
                .contains(publicationUrl() + "/ocsp");
        Duration validity = Duration.between(
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
        assertThat(validity.toDays()).isBetween(5 * 365L, 5 * 366L + 1);
        certificate.verify(((X509Certificate) card.getCertificateChain(SoftCard.ALIAS)[1]).getPublicKey());

        String serial = certificate.getSerialNumber().toString(16);
        Response relayCard = relay("GET", "/api/v1/cards/by-certificate-serial/" + serial, null);
        assertThat(relayCard.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(relayCard.json().path("certificateSha256").asText())
                .isEqualTo(issued.json().path("sha256").asText());
        assertThat(relayCard.json().path("cardSerial").asText())
                .isEqualTo(issued.json().path("cardSerial").asText());
    }

    @Test
    void refusesUnknownInactiveAndMalformedHoldersIssuesNothingAndAuditsTheRefusal() {
        int certificates = countRows("issued_certificate");
        int refusals = refusals();

        Response unknown = issuer(
                "POST",
                "/api/v1/cards/soft",
                Map.of(
                        "personalId",
                        org.sscard.common.id.PersonalIdFormat.standard()
                                .generate(org.sscard.common.id.MunicipalityCode.KAMOGAWA)
                                .digits(),
                        "pin",
                        "4321"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("UNKNOWN_SUBJECT");

        String deceased = newResident();
        String id = relay("POST", "/api/v1/persons/lookup/by-personal-id", Map.of("personalId", deceased))
                .json()
                .path("id")
                .asText();
        relay("POST", "/api/v1/persons/" + id + "/status", Map.of("status", "DECEASED"));
        Response inactive = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", deceased, "pin", "4321"));
        assertThat(inactive.status()).isEqualTo(409);
        assertThat(inactive.problemCode()).isEqualTo("INACTIVE_SUBJECT");

        Response malformed = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", "0112223812", "pin", "4321"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("MALFORMED_PERSONAL_ID");

        Response weakPin = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", newResident(), "pin", "12"));
        assertThat(weakPin.problemCode()).isEqualTo("WEAK_PIN");
        Response noHolder = issuer("POST", "/api/v1/cards/soft", Map.of("pin", "4321"));
        assertThat(noHolder.problemCode()).isEqualTo("INVALID_FIELD");

        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(refusals()).isGreaterThanOrEqualTo(refusals + 4);
    }

    @Test
    void refusesASecondActiveCardButReissuesWithANewKeyReplacingTheOld() throws Exception {
        String personalId = newResident();
        Response first = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", personalId, "pin", "1111"));
        int certificates = countRows("issued_certificate");

        Response second = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", personalId, "pin", "2222"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemCode()).isEqualTo("SECOND_ACTIVE_CARD");
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);

        String oldCard = first.json().path("cardSerial").asText();
        Response reissued = issuer(
                "POST",
                "/api/v1/cards/soft",
                Map.of("personalId", personalId, "pin", "2222", "replacesCardSerial", oldCard));
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        assertThat(issuer("GET", "/api/v1/cards/" + oldCard, null)
                        .json()
                        .path("revocationReason")
                        .asText())
                .isEqualTo("superseded");
        assertThat(relay(
                                "GET",
                                "/api/v1/cards/by-certificate-serial/"
                                        + first.json().path("certificateSerial").asText(),
                                null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REVOKED");
        var oldKey = org.sscard.issuer.support.Certificates.softCard(
                        first.json().path("pkcs12").asText(), "1111")
                .getCertificate(SoftCard.ALIAS)
                .getPublicKey();
        var newKey = org.sscard.issuer.support.Certificates.softCard(
                        reissued.json().path("pkcs12").asText(), "2222")
                .getCertificate(SoftCard.ALIAS)
                .getPublicKey();
        assertThat(newKey.getEncoded()).isNotEqualTo(oldKey.getEncoded());
    }

    private static String toHex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static List<String> policies(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        return Arrays.stream(CertificatePolicies.getInstance(
                                ASN1OctetString.getInstance(value).getOctets())
                        .getPolicyInformation())
                .map(p -> p.getPolicyIdentifier().getId())
                .toList();
    }

    static List<String> crlUrls(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        return Arrays.stream(CRLDistPoint.getInstance(
                                ASN1OctetString.getInstance(value).getOctets())
                        .getDistributionPoints())
                .flatMap(dp -> Arrays.stream(((org.bouncycastle.asn1.x509.GeneralNames)
                                dp.getDistributionPoint().getName())
                        .getNames()))
                .map(name -> name.getName().toString())
                .toList();
    }
}
