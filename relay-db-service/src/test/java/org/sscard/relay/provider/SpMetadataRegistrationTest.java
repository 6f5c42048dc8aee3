package org.sscard.relay.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * A SAML provider's own client registers its SP metadata ({@code PUT /api/v1/providers/{key}/saml-sp-metadata}),
 * for its own provider only, checked like any metadata; a configuration reload keeps it.
 */
class SpMetadataRegistrationTest extends RelayApiTest {

    // test-hospital (application-test.yml): entity http://localhost:9/sp, ACS https://localhost:9/acs, owner
    // hospital-portal
    private static final String METADATA =
            SpMetadataTest.metadata("http://localhost:9/sp", "https://localhost:9/acs", SpMetadataTest.certificate());

    @Autowired
    ProviderRegistry registry;

    @Autowired
    ProviderProperties properties;

    /** Other test classes share this database and expect test-hospital without metadata. */
    @AfterEach
    void forgetRegisteredMetadata() {
        jdbc.sql("UPDATE provider SET saml_sp_metadata = NULL WHERE provider_key = 'test-hospital'")
                .update();
    }

    @Test
    void theOwnerRegistersItsSpMetadataAndTheIdpFindsIt() {
        Api.Response registered = put("hospital-portal", "test-hospital", METADATA);

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        Api.Response found = as("auth-service").get("/api/v1/providers?samlEntityId=http://localhost:9/sp");
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).path("samlSpMetadata").asText()).isEqualTo(METADATA);
    }

    @Test
    void aConfigurationReloadKeepsRegisteredMetadata() {
        assertThat(put("hospital-portal", "test-hospital", METADATA).status()).isEqualTo(200);

        properties.providers().forEach(registry::upsert);

        assertThat(registry.require("test-hospital").samlSpMetadata()).isEqualTo(METADATA);
    }

    @Test
    void refusesMetadataForAnotherProvider() {
        Api.Response refused = put("hospital-portal", "test-nhi", METADATA);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void refusesAClientWithoutTheAuthority() {
        assertThat(put("city-office", "test-hospital", METADATA).status()).isEqualTo(403);
        assertThat(put("insurer-adapters", "test-hospital", METADATA).status()).isEqualTo(403);
    }

    @Test
    void refusesMetadataTheCheckRefuses() {
        String other = SpMetadataTest.metadata(
                "https://elsewhere.test/sp", "https://localhost:9/acs", SpMetadataTest.certificate());

        Api.Response refused = put("hospital-portal", "test-hospital", other);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(refused.json().path("detail").asText()).contains("entityID");
    }

    @Test
    void refusesAnonymousCallers() {
        Api.Response refused = anonymous()
                .send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/providers/test-hospital/saml-sp-metadata"))
                        .header("Content-Type", "application/samlmetadata+xml")
                        .PUT(HttpRequest.BodyPublishers.ofString(METADATA)));

        assertThat(refused.status()).isEqualTo(401);
    }

    private Api.Response put(String client, String provider, String metadata) {
        return as(client)
                .send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/providers/" + provider + "/saml-sp-metadata"))
                        .header("Content-Type", "application/samlmetadata+xml")
                        .PUT(HttpRequest.BodyPublishers.ofString(metadata)));
    }
}
