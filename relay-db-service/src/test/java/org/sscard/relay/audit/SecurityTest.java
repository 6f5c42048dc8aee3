package org.sscard.relay.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class SecurityTest extends RelayApiTest {

    @Test
    void refusesAnonymousCallersWithAProblemAndAChallenge() {
        Api.Response response = anonymous().get("/api/v1/providers");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void refusesATokenSignedByAKeyTheIssuerNeverPublished() {
        assertRefused("Bearer " + TOKENS.forge("city-office", "relay-db-service"));
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused("Bearer "
                + TOKENS.mint(
                        "city-office",
                        "relay-db-service",
                        claims -> claims.issueTime(ago(600))
                                .notBeforeTime(ago(600))
                                .expirationTime(ago(300))));
    }

    @Test
    void refusesATokenAddressedToAnotherService() {
        assertRefused("Bearer " + TOKENS.mint("city-office", "card-issuer"));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertRefused("Bearer "
                + TOKENS.mint("city-office", "relay-db-service", claims -> claims.issuer("https://elsewhere.example")));
    }

    @Test
    void refusesHttpBasicAndPlainIdentityHeaders() {
        assertRefused("Basic " + java.util.Base64.getEncoder().encodeToString("city-office:guess".getBytes()));
        Api.Response spoofed = anonymous()
                .header("X-Client-Id", "city-office")
                .header("Sscard-Acting-For", "x")
                .get("/api/v1/providers");
        assertThat(spoofed.status()).isEqualTo(401);
    }

    @Test
    void letsAClientTheRelayDoesNotKnowDoNothing() {
        Api.Response unknown = anonymous()
                .header("Authorization", "Bearer " + TOKENS.mint("intruder", "relay-db-service"))
                .get("/api/v1/providers");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aPersonsTokenWhoseSubjectSpellsAClientNameGetsNoClientAuthority() {
        // a pairwise token whose sub (a provider's local ID for a resident) happens to be "city-office", even one
        // exchanged by a client of that very name (client_id = sub); only the client-credentials mark is missing
        assertThat(statusWith(TOKENS.mint("city-office", "relay-db-service", claims -> claims.claim("gty", null))))
                .isEqualTo(403);
        assertThat(statusWith(TOKENS.mint(
                        "city-office",
                        "relay-db-service",
                        claims -> claims.claim("client_id", null).claim("gty", null))))
                .isEqualTo(403);
        // a resident's login token, even with the mark and client_id = sub
        assertThat(statusWith(TOKENS.mint(
                        "city-office", "relay-db-service", claims -> claims.claim("login_profile", "resident"))))
                .isEqualTo(403);
        // the client's own token still works
        assertThat(statusWith(TOKENS.mint("city-office", "relay-db-service"))).isEqualTo(200);
    }

    private int statusWith(String token) {
        Api.Response response =
                anonymous().header("Authorization", "Bearer " + token).get("/api/v1/providers");
        if (response.status() == 403) {
            assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        }
        return response.status();
    }

    private void assertRefused(String authorization) {
        Api.Response response =
                anonymous().header("Authorization", authorization).get("/api/v1/providers");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("UNAUTHENTICATED");
    }

    private static java.util.Date ago(long seconds) {
        return java.util.Date.from(java.time.Instant.now().minusSeconds(seconds));
    }

    @Test
    void deniesWhatAClientIsNotGrantedAndWritesNothing() {
        int persons = count("person");
        Api.Response forbidden =
                as("insurer-adapters").post("/api/v1/persons", personBody(newPersonalId(), newProvisionalSsn()));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(count("person")).isEqualTo(persons);

        String id = createPerson();
        assertThat(as("insurer-adapters").get("/api/v1/persons/" + id).status()).isEqualTo(403);
        assertThat(as("card-issuer")
                        .get("/api/v1/persons/" + id + "/access-log")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void deniesEverythingOutsideTheApiButHealthAndDocs() {
        assertThat(anonymous().get("/actuator/health/readiness").body()).contains("UP");
        assertThat(anonymous().get("/actuator/env").status()).isIn(401, 403);
        assertThat(city().get("/actuator/env").status()).isEqualTo(403);
        Api.Response unknownApi = city().get("/api/v1/nothing-here");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answersWrongMethodAndMediaTypeWithProblems() {
        Api.Response method = city().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/providers"))
                                .DELETE());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.problemCode()).isEqualTo("METHOD_NOT_ALLOWED");
        Api.Response media = city().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/persons"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.problemCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void publishesTheOpenApiDescriptionOfEveryPath() {
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/v1/persons",
                        "/api/v1/persons/{id}",
                        "/api/v1/persons/lookup/by-personal-id",
                        "/api/v1/persons/{id}/providers/{providerKey}/identity",
                        "/api/v1/providers/{providerKey}/reverse-resolve",
                        "/api/v1/persons/{id}/access-log",
                        "/api/v1/cards/by-certificate-serial/{serial}",
                        "/api/v1/cards/login-check",
                        "/api/v1/releases",
                        "/api/v1/staff",
                        "/api/v1/persons/{id}/service-choices",
                        "/api/v1/providers/{key}/members",
                        "/api/v1/persons/{id}/links",
                        "/api/v1/persons/{id}/links/{mappingId}/dispute");
        assertThat(docs.json().path("paths").fieldNames())
                .toIterable()
                .as("the members are read only (issue 18)")
                .doesNotContain("/api/v1/providers/{key}/members/{mappingId}/end");
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
