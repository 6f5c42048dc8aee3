package org.sscard.adapters.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

class TokenCheckTest extends AdaptersTest {

    private static final String HANAKO = "122382|鴨川|9201|00";
    private static final String ICHIRO = "06139999|10|9201|00";
    private static final String ELIGIBILITY = "/kamogawa-nhi/api/v1/eligibility";

    @Autowired
    Importer importer;

    @BeforeEach
    void members() {
        String header = "insurer_number,symbol,number,branch,relationship,name_kanji,name_kana,date_of_birth,sex,"
                + "acquired_on,copay,valid_from";
        importer.run(
                "kamogawa-nhi",
                "eligibility",
                csv(UTF_8, header, "122382,鴨川,9201,00,本人,鴨川 花子,カモガワ ハナコ,1958-04-12,女,2019-04-01,3割,2024-08-01"),
                "nhi.csv",
                null,
                "test",
                ImportProgress.NONE);
        importer.run(
                "kameda-kenpo",
                "eligibility",
                csv(UTF_8, header, "06139999,10,9201,00,本人,天津 一郎,アマツ イチロウ,1975-07-21,男,2000-04-01,3割,2024-04-01"),
                "kenpo.csv",
                null,
                "test",
                ImportProgress.NONE);
    }

    private static void assertUnauthenticated(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void servesThePersonTheirOwnEligibility() {
        Http.Response response = Http.get(port, ELIGIBILITY, Tokens.person(HANAKO, "kamogawa-nhi"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("nameKanji").asText()).isEqualTo("鴨川 花子");
        assertThat(response.json().path("copayPercent").asInt()).isEqualTo(30);
    }

    @Test
    void refusesAMissingToken() {
        assertUnauthenticated(Http.get(port, ELIGIBILITY, null));
    }

    @Test
    void refusesAForgedToken() {
        assertUnauthenticated(Http.get(port, ELIGIBILITY, TOKENS.forge(HANAKO, "kamogawa-nhi")));
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TOKENS.mint(
                HANAKO,
                "kamogawa-nhi",
                c -> c.claim("client_id", "portal-gateway")
                        .issueTime(Date.from(Instant.now().minusSeconds(900)))
                        .notBeforeTime(Date.from(Instant.now().minusSeconds(900)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600))));

        assertUnauthenticated(Http.get(port, ELIGIBILITY, expired));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertUnauthenticated(Http.get(port, ELIGIBILITY, Tokens.person(HANAKO, "relay-db-service")));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String foreign = TOKENS.mint(HANAKO, "kamogawa-nhi", c -> c.issuer("https://issuer.example"));

        assertUnauthenticated(Http.get(port, ELIGIBILITY, foreign));
    }

    @Test
    void ignoresPlainIdentityHeaders() {
        // header values are ASCII on the wire; the name of the person is what a naive proxy would send
        String person = "122382%7C9201%7C00";
        assertUnauthenticated(Http.get(
                port,
                ELIGIBILITY,
                null,
                "X-User",
                person,
                "X-Remote-User",
                person,
                "X-Forwarded-User",
                person,
                "REMOTE_USER",
                person));
    }

    @Test
    void aTokenForOneProviderDoesNotOpenAnothersData() {
        assertUnauthenticated(
                Http.get(port, "/kameda-kenpo/api/v1/eligibility", Tokens.person(ICHIRO, "kamogawa-nhi")));
        assertThat(Http.get(port, "/kameda-kenpo/api/v1/eligibility", Tokens.person(ICHIRO, "kameda-kenpo"))
                        .json()
                        .path("nameKanji")
                        .asText())
                .isEqualTo("天津 一郎");
    }

    @Test
    void aPersonSeesOnlyTheRecordTheirTokenNames() {
        Http.Response other = Http.get(port, ELIGIBILITY, Tokens.person("122382|鴨川|9299|00", "kamogawa-nhi"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("花子");
    }

    @Test
    void aServiceClientReadsNoPersonsData() {
        Http.Response response = Http.get(port, ELIGIBILITY, Tokens.client("city-office", "kamogawa-nhi"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aPageWithoutATokenIsAReadable401() {
        Http.Response response = Http.get(port, "/kamogawa-nhi/notices", null, "Accept", "text/html");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("ログインが必要です").contains("Please log in");
    }

    @Test
    void anUnknownProviderAcceptsNoToken() {
        assertUnauthenticated(Http.get(port, "/nowhere/api/v1/eligibility", Tokens.person(HANAKO, "nowhere")));
    }
}
