package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.testsupport.RelayFixture;

/** {@code staff-hospital-admin}: the hospital administrator's staff token, who lists the desk's rate-limit flags. */
class HospitalAdminProfileTest extends IssuerApiTest {

    private static final String HOSPITAL_ADMIN_POLICY = "2.25.282948580063040574886034106954584755375.1.5";

    @Test
    void issuesAHospitalAdminStaffCertificateWithItsOwnPolicy() throws Exception {
        String hospital = RelayFixture.newKey("admin-hospital");
        CITY_OFFICE.ensureHospital(hospital);
        UUID admin = CITY_OFFICE.createStaff(hospital, "HOSPITAL_ADMIN");
        KeyPair keys = Certificates.keyPair("RSA", 2048);

        Response issued = issuer(
                "POST",
                "/api/v1/certificates",
                Map.of(
                        "profile", "staff-hospital-admin",
                        "staffId", admin.toString(),
                        "csr", Certificates.csr(keys, "CN=ignored")));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        X509Certificate certificate =
                Certificates.fromPem(issued.json().path("certificate").asText());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(SoftCardIssuanceTest.policies(certificate)).containsExactly(HOSPITAL_ADMIN_POLICY);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getSubjectX500Principal().getName())
                .contains("O=" + hospital)
                .contains("OU=HOSPITAL_ADMIN");
    }

    @Test
    void refusesTheHospitalAdminProfileForAReceptionClerk() {
        String hospital = RelayFixture.newKey("clerk-hospital");
        CITY_OFFICE.ensureHospital(hospital);
        UUID clerk = CITY_OFFICE.createStaff(hospital, "RECEPTION_CLERK");

        Response refused = issuer(
                "POST",
                "/api/v1/certificates",
                Map.of(
                        "profile", "staff-hospital-admin",
                        "staffId", clerk.toString(),
                        "csr", csr()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
    }

    private static String csr() {
        try {
            return Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=ignored");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
