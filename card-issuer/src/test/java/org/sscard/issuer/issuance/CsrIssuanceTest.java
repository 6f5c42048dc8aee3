package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.testsupport.RelayFixture;

/** {@code POST /api/v1/certificates}: a key generated elsewhere (token, service) certified from its CSR. */
class CsrIssuanceTest extends IssuerApiTest {

    private static final String POLICY_ARC = "2.25.282948580063040574886034106954584755375";

    @Test
    void aValidCsrForAResidentCardIssuesACertificateForTheCsrsKey() throws Exception {
        KeyPair keys = Certificates.keyPair("RSA", 2048);
        String personalId = newResident();

        Response issued = issue(
                "resident-card",
                Map.of("personalId", personalId),
                Certificates.csr(keys, "CN=whatever the CSR says is ignored"));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        X509Certificate certificate =
                Certificates.fromPem(issued.json().path("certificate").asText());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(rdn(certificate, BCStyle.SERIALNUMBER)).isEqualTo(personalId);
        assertThat(SoftCardIssuanceTest.policies(certificate)).containsExactly(POLICY_ARC + ".1.1");
        assertThat(issued.json().path("chain")).hasSize(3);
        assertThat(relay(
                                "GET",
                                "/api/v1/cards/by-certificate-serial/"
                                        + issued.json()
                                                .path("certificateSerial")
                                                .asText(),
                                null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aMalformedCsrIsRefusedAndIssuesNothing() {
        assertRefused("resident-card", Map.of("personalId", newResident()), "not a CSR at all", 400, "MALFORMED_CSR");
        assertRefused(
                "resident-card",
                Map.of("personalId", newResident()),
                "-----BEGIN CERTIFICATE REQUEST-----\nMIIBdW5rbm93bg==\n-----END CERTIFICATE REQUEST-----\n",
                400,
                "MALFORMED_CSR");
    }

    @Test
    void aCsrWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        String csr = flipLastSignatureByte(Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=x"));

        assertRefused("resident-card", Map.of("personalId", newResident()), csr, 400, "CSR_SIGNATURE_INVALID");
    }

    @Test
    void anRsa1024KeyIsTheWrongKey() throws Exception {
        String csr = Certificates.csr(Certificates.keyPair("RSA", 1024), "CN=x");

        assertRefused("resident-card", Map.of("personalId", newResident()), csr, 400, "WRONG_KEY");
    }

    @Test
    void anEcKeyForAnRsaProfileIsTheWrongKey() throws Exception {
        String csr = Certificates.csr(Certificates.keyPair("EC", 256), "CN=x");

        assertRefused("resident-card", Map.of("personalId", newResident()), csr, 400, "WRONG_KEY");
    }

    @Test
    void aReceptionClerksTokenNamesTheHospitalTheRoleAndTheStaffIdWithTheRolesPolicy() throws Exception {
        String hospital = newHospital();
        UUID clerk = newStaff(hospital, "RECEPTION_CLERK");
        KeyPair keys = Certificates.keyPair("RSA", 2048);

        Response issued =
                issue("staff-reception-clerk", Map.of("staffId", clerk.toString()), Certificates.csr(keys, "CN=token"));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        X509Certificate certificate =
                Certificates.fromPem(issued.json().path("certificate").asText());
        assertThat(rdn(certificate, BCStyle.O)).isEqualTo(hospital);
        assertThat(rdn(certificate, BCStyle.OU)).isEqualTo("RECEPTION_CLERK");
        assertThat(rdn(certificate, BCStyle.UID)).isEqualTo(clerk.toString());
        assertThat(SoftCardIssuanceTest.policies(certificate)).containsExactly(POLICY_ARC + ".1.2");
        assertThat(relay("GET", "/api/v1/staff/" + clerk + "/cards", null).body())
                .contains(issued.json().path("certificateSerial").asText());
    }

    @Test
    void aStaffMemberOfAnotherRoleIsRefusedTheClerkProfile() throws Exception {
        UUID cityAdmin = newStaff("city", "CITY_ADMIN");
        String csr = Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=token");

        assertRefused("staff-reception-clerk", Map.of("staffId", cityAdmin.toString()), csr, 400, "INVALID_FIELD");
    }

    @Test
    void moreConcurrentIssuancesThanDatabaseConnectionsAllSucceed() throws Exception {
        String csr = Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=ignored");
        int requests = 24; // the pool has 10 connections
        List<java.util.concurrent.Callable<Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Map<String, Object> resident = Map.of("personalId", newResident());
            calls.add(() -> issue("resident-card", resident, csr));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(requests);
        try {
            for (var answer : pool.invokeAll(calls, 60, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(answer.isCancelled()).as("answered within 60 s").isFalse();
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Response issue(String profile, Map<String, Object> holder, String csr) {
        Map<String, Object> body = new HashMap<>(holder);
        body.put("profile", profile);
        body.put("csr", csr);
        return issuer("POST", "/api/v1/certificates", body);
    }

    /** Refused with the status and code, nothing issued, the refusal audited. */
    private void assertRefused(String profile, Map<String, Object> holder, String csr, int status, String code) {
        int certificates = countRows("issued_certificate");
        int refusals = refusals();

        Response refused = issue(profile, holder, csr);

        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.problemCode()).isEqualTo(code);
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    /** Our own hospital in the relay (not a demo provider), registered as the city office. */
    private static String newHospital() {
        String key = RelayFixture.newKey("test-hospital");
        CITY_OFFICE.ensureHospital(key);
        return key;
    }

    private static UUID newStaff(String organisation, String role) {
        return CITY_OFFICE.createStaff(organisation, role);
    }

    private static String rdn(X509Certificate certificate, ASN1ObjectIdentifier type) {
        var rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(type);
        assertThat(rdns).as("one " + BCStyle.INSTANCE.oidToDisplayName(type)).hasSize(1);
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** The signature BIT STRING is the CSR's last element: changing its last byte breaks only the signature. */
    private static String flipLastSignatureByte(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        der[der.length - 1] ^= 0x01;
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }
}
