package org.sscard.relay.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;
import org.sscard.testsupport.pki.TestPki;

/** SAML SP metadata registered with a provider: checked at registration, found by entity ID, never invented. */
class SpMetadataTest extends RelayApiTest {

    private static final String CERTIFICATE = certificate();
    private static final String ENTITY = "https://x.test/sp";
    private static final String ACS = "https://x.test/acs";

    @Test
    void registersAnSpWithItsMetadataAndFindsItByEntityId() {
        String key = "sp-" + System.nanoTime() % 1_000_000;
        String entityId = "https://" + key + ".test/sp";
        String acsUrl = "https://" + key + ".test/acs";
        Map<String, Object> provider = samlProvider(key, entityId, acsUrl, metadata(entityId, acsUrl, CERTIFICATE));

        assertThat(city().post("/api/v1/providers", provider).status()).isEqualTo(201);

        Api.Response found = as("auth-service").get("/api/v1/providers?samlEntityId=" + entityId);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).path("key").asText()).isEqualTo(key);
        assertThat(found.json().get(0).path("samlSpMetadata").asText()).contains(CERTIFICATE);
        assertThat(as("auth-service")
                        .get("/api/v1/providers?samlEntityId=https://nobody.test/sp")
                        .json())
                .isEmpty();
    }

    @Test
    void anSpWithoutMetadataIsNotFoundByEntityId() {
        assertThat(as("auth-service")
                        .get("/api/v1/providers?samlEntityId=http://localhost:9/sp")
                        .json())
                .isEmpty();
    }

    @Test
    void refusesMetadataForAnotherEntityId() {
        assertRefused(metadata("https://other.test/sp", "https://x.test/acs", CERTIFICATE), "entityID");
    }

    @Test
    void refusesMetadataWithoutTheProvidersAcsUrl() {
        assertRefused(metadata("https://x.test/sp", "https://x.test/elsewhere", CERTIFICATE), "samlAcsUrl");
    }

    @Test
    void refusesMetadataWithoutASigningCertificate() {
        assertRefused(metadata("https://x.test/sp", "https://x.test/acs", null), "signing certificate");
    }

    @Test
    void refusesMetadataWithAnUnreadableCertificate() {
        assertRefused(
                metadata("https://x.test/sp", "https://x.test/acs", "bm90IGEgY2VydGlmaWNhdGU="),
                "certificate cannot be read");
    }

    @Test
    void refusesMetadataWithADoctype() {
        String withDoctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + metadata("https://x.test/sp", "https://x.test/acs", CERTIFICATE);
        assertRefused(withDoctype, "without a DTD");
    }

    @Test
    void refusesMetadataThatIsNotAnEntityDescriptor() {
        assertRefused("<EntityDescriptor entityID=\"https://x.test/sp\"/>", "md:EntityDescriptor");
    }

    @Test
    void refusesMetadataOnAProxyProvider() {
        Map<String, Object> provider = samlProvider(
                "proxy-" + System.nanoTime() % 1_000_000,
                ENTITY,
                ACS,
                metadata("https://x.test/sp", "https://x.test/acs", CERTIFICATE));
        provider.put("ssoMethod", "PROXY");
        assertThat(city().post("/api/v1/providers", provider).problemCode()).isEqualTo("INVALID_FIELD");
    }

    private void assertRefused(String metadata, String reason) {
        int before = count("provider");
        Api.Response refused = city().post(
                        "/api/v1/providers",
                        samlProvider("bad-" + System.nanoTime() % 1_000_000, ENTITY, ACS, metadata));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(refused.json().path("detail").asText()).contains(reason);
        assertThat(count("provider")).isEqualTo(before);
    }

    private static Map<String, Object> samlProvider(String key, String entityId, String acsUrl, String metadata) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("type", "HOSPITAL");
        p.put("nameJa", "試験病院");
        p.put("nameEn", "Test hospital");
        p.put("ssoMethod", "SAML");
        p.put("idScheme", "LOCAL_NUMBER");
        p.put("baseUrl", "https://x.test/");
        p.put("samlEntityId", entityId);
        p.put("samlAcsUrl", acsUrl);
        p.put("samlSpMetadata", metadata);
        p.put("services", List.of(Map.of("key", "records", "nameJa", "診療", "nameEn", "Records", "path", "/records")));
        return p;
    }

    static String metadata(String entityId, String acsUrl, String certificate) {
        String key = certificate == null ? "" : """
                    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s\
                </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                """.formatted(certificate);
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
                  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"
                      AuthnRequestsSigned="true">
                %s    <md:AssertionConsumerService index="0" Location="%s"
                        Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/>
                  </md:SPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, key, acsUrl);
    }

    /** A self-signed SAML signing certificate, base64 DER as metadata carries it. */
    static String certificate() {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            TestPki.selfSigned("CN=test SP").certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
