package org.sscard.relay.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * Provider base URLs and SAML assertion consumer services are https only: refused over the API, in SP metadata a
 * provider registers, and in configuration (the relay does not start). Issue 15, lower-risk findings.
 */
class HttpsOnlyProviderUrlsTest extends RelayApiTest {

    private static final String CERTIFICATE = SpMetadataTest.certificate();

    @AfterEach
    void forgetRegisteredMetadata() {
        jdbc.sql("UPDATE provider SET saml_sp_metadata = NULL WHERE provider_key = 'test-hospital'")
                .update();
    }

    @Test
    void refusesAPlainHttpBaseUrlAtRegistration() {
        assertRefused(provider("http://care.test/", "PROXY", null), "baseUrl must be an https URL");
        assertThat(city().post("/api/v1/providers", provider("https://care.test/", "PROXY", null))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusesAPlainHttpAcsUrlAtRegistration() {
        assertRefused(
                provider("https://care.test/", "SAML", "http://care.test/acs"), "samlAcsUrl must be an https URL");
    }

    @Test
    void refusesSpMetadataWithAPlainHttpAssertionConsumerService() {
        // the provider's own ACS is https, but the metadata adds a plain-HTTP one the IdP could be asked to post to
        String metadata = SpMetadataTest.metadata("http://localhost:9/sp", "https://localhost:9/acs", CERTIFICATE)
                .replace(
                        "</md:SPSSODescriptor>",
                        "<md:AssertionConsumerService index=\"1\" Location=\"http://localhost:9/acs\""
                                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact\"/></md:SPSSODescriptor>");

        assertMetadataRefused(metadata, "AssertionConsumerService Location must be an https URL");
    }

    @Test
    void refusesSpMetadataWithAPlainHttpSingleLogoutService() {
        // the IdP posts signed LogoutRequests (NameID, SessionIndex) to it on the back channel at every logout
        String metadata = SpMetadataTest.metadata("http://localhost:9/sp", "https://localhost:9/acs", CERTIFICATE)
                .replaceFirst(
                        "<md:AssertionConsumerService",
                        "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\""
                                + " Location=\"http://10.0.0.7/slo\"/><md:AssertionConsumerService");

        assertMetadataRefused(metadata, "SingleLogoutService Location must be an https URL");
    }

    @Test
    void aProviderInConfigurationWithAPlainHttpUrlStopsTheStart() {
        ProviderRegistry registry = new ProviderRegistry(null, new ProviderUrls(false));
        ProviderProperties properties =
                new ProviderProperties(List.of(definition("http://localhost:8084/kamogawa-nhi")), Map.of());

        assertThatThrownBy(() -> new ProviderConfigLoader(properties, registry).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provider 'plain-nhi'")
                .hasMessageContaining("baseUrl must be an https URL");
    }

    @Test
    void plainHttpOnLoopbackPassesOnlyWhenATestAllowsItAndNeverForAHostName() {
        ProviderUrls strict = new ProviderUrls(false);
        ProviderUrls tests = new ProviderUrls(true);
        assertThatThrownBy(() -> strict.requireHttps("baseUrl", "http://127.0.0.1:8084/x"))
                .isInstanceOf(RelayException.class);
        assertThatCode(() -> tests.requireHttps("baseUrl", "http://127.0.0.1:8084/x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> tests.requireHttps("baseUrl", "http://localhost:8084/x"))
                .isInstanceOf(RelayException.class);
        assertThatThrownBy(() -> tests.requireHttps("baseUrl", "http://127.0.0.1.evil.test/x"))
                .isInstanceOf(RelayException.class);
        assertThatThrownBy(() -> strict.requireHttps("baseUrl", "https:///no-host"))
                .isInstanceOf(RelayException.class);
    }

    private void assertMetadataRefused(String metadata, String detail) {
        Api.Response refused = as("hospital-portal")
                .send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/providers/test-hospital/saml-sp-metadata"))
                        .header("Content-Type", "application/samlmetadata+xml")
                        .PUT(HttpRequest.BodyPublishers.ofString(metadata)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(refused.json().path("detail").asText()).contains(detail);
    }

    private void assertRefused(Map<String, Object> provider, String reason) {
        int before = count("provider");
        Api.Response refused = city().post("/api/v1/providers", provider);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(refused.json().path("detail").asText()).contains(reason);
        assertThat(count("provider")).isEqualTo(before);
    }

    private static Map<String, Object> provider(String baseUrl, String ssoMethod, String acsUrl) {
        String key = "https-" + System.nanoTime() % 1_000_000;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("type", "SAML".equals(ssoMethod) ? "HOSPITAL" : "INSURER");
        p.put("nameJa", "試験");
        p.put("nameEn", "Test");
        p.put("ssoMethod", ssoMethod);
        p.put("idScheme", "LOCAL_NUMBER");
        p.put("baseUrl", baseUrl);
        if (acsUrl != null) {
            p.put("samlEntityId", "https://" + key + ".test/sp");
            p.put("samlAcsUrl", acsUrl);
        }
        p.put("services", List.of(Map.of("key", "records", "nameJa", "診療", "nameEn", "Records", "path", "/records")));
        return p;
    }

    private static ProviderDefinition definition(String baseUrl) {
        return new ProviderDefinition(
                "plain-nhi",
                ProviderType.INSURER,
                "国保",
                "NHI",
                SsoMethod.PROXY,
                IdScheme.INSURANCE_CARD,
                baseUrl,
                null,
                null,
                List.of(),
                null,
                List.of(),
                null);
    }
}
