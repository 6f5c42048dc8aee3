package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * The other services test against common's {@link TestPki} instead of this issuer: each of its profiles must
 * shape a certificate as this issuer's {@code profiles.yml} does (extensions and their criticality, usages,
 * policies, subject attributes, kinds of alternative names), or their tests check something the platform never
 * issues.
 */
class TestPkiProfilesTest extends IssuerApiTest {

    private static final TestPki PKI = TestPki.create();

    @AfterAll
    static void stop() {
        PKI.close();
    }

    @Test
    void residentCardIsShapedAsTheIssuersResidentCard() throws Exception {
        String personalId = newResident();
        X509Certificate issued = issue("resident-card", Map.of("personalId", personalId));

        assertThat(shape(PKI.residentCard(personalId).issue())).isEqualTo(shape(issued));
    }

    @Test
    void staffCardIsShapedAsTheIssuersStaffCardOfEachRole() throws Exception {
        String hospital = RelayFixture.newKey("profile-hospital");
        CITY_OFFICE.ensureHospital(hospital);
        String insurer = RelayFixture.newKey("profile-insurer");
        CITY_OFFICE.registerProvider(insurer, "PROXY", "https://insurer.test", "notices", "/notices");
        Map<String, String> organisations =
                Map.of("RECEPTION_CLERK", hospital, "INSURER_ADMIN", insurer, "CITY_ADMIN", "city");
        for (String role : List.of("RECEPTION_CLERK", "INSURER_ADMIN", "CITY_ADMIN")) {
            String organisation = organisations.get(role);
            UUID staff = CITY_OFFICE.createStaff(organisation, role);
            String profile = "staff-" + role.toLowerCase().replace('_', '-');
            X509Certificate issued = issue(profile, Map.of("staffId", staff.toString()));

            assertThat(shape(PKI.staffCard(staff, organisation, role).issue()))
                    .as(profile)
                    .isEqualTo(shape(issued));
        }
    }

    @Test
    void serviceClientAndTlsServerAreShapedAsTheIssuersOwn() throws Exception {
        // platform identities come from the platform's own bootstrap only (never the API): read what it wrote
        X509Certificate client =
                Certificates.fromPem(Files.readString(RELAY.dataDir().resolve("clients/portal-gateway.crt")));
        X509Certificate server =
                Certificates.fromPem(Files.readString(RELAY.dataDir().resolve("tls/auth-service.crt")));

        assertThat(shape(PKI.serviceClient("portal-gateway").issue())).isEqualTo(shape(client));
        assertThat(shape(PKI.tlsServer("localhost").issue())).isEqualTo(shape(server));
    }

    @Test
    void rootAndIssuingCaAreShapedAsTheIssuersOwn() throws Exception {
        X509Certificate root = Certificates.fromPem(published().pem("/ca/root.pem"));
        X509Certificate issuing = Certificates.fromPem(published().pem("/ca/issuing.pem"));

        assertThat(shape(PKI.root().certificate())).isEqualTo(shape(root));
        assertThat(shape(PKI.issuing().certificate())).isEqualTo(shape(issuing));
    }

    private X509Certificate issue(String profile, Map<String, Object> holder) throws Exception {
        KeyPair keys = Certificates.keyPair("RSA", 2048);
        Map<String, Object> body = new java.util.HashMap<>(holder);
        body.put("profile", profile);
        body.put("csr", Certificates.csr(keys, "CN=ignored"));
        Response issued = issuer("POST", "/api/v1/certificates", body);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Certificates.fromPem(issued.json().path("certificate").asText());
    }

    /** What a relying party's checks look at; not names, serials, keys, dates or addresses. */
    record Shape(
            Set<String> critical,
            Set<String> nonCritical,
            int basicConstraints,
            List<Boolean> keyUsage,
            List<String> extendedKeyUsage,
            List<String> policies,
            List<String> subjectAttributes,
            List<Integer> alternativeNameKinds,
            String signatureAlgorithm) {}

    private static Shape shape(Issued issued) throws Exception {
        return shape(issued.certificate());
    }

    private static Shape shape(X509Certificate certificate) throws Exception {
        boolean[] keyUsage = certificate.getKeyUsage();
        return new Shape(
                certificate.getCriticalExtensionOIDs(),
                certificate.getNonCriticalExtensionOIDs(),
                certificate.getBasicConstraints(),
                keyUsage == null ? List.of() : booleans(keyUsage),
                certificate.getExtendedKeyUsage(),
                certificate.getExtensionValue("2.5.29.32") == null
                        ? List.of()
                        : SoftCardIssuanceTest.policies(certificate),
                Arrays.stream(X500Name.getInstance(
                                        certificate.getSubjectX500Principal().getEncoded())
                                .getRDNs())
                        .map(RDN::getFirst)
                        .map(attribute -> attribute.getType().getId())
                        .toList(),
                certificate.getSubjectAlternativeNames() == null
                        ? List.of()
                        : certificate.getSubjectAlternativeNames().stream()
                                .map(name -> (Integer) name.get(0))
                                .distinct() // which kinds, not how many (the bootstrap adds ::1 beside 127.0.0.1)
                                .toList(),
                certificate.getSigAlgName());
    }

    private static List<Boolean> booleans(boolean[] bits) {
        Boolean[] boxed = new Boolean[9];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i < bits.length && bits[i];
        }
        return List.of(boxed);
    }
}
