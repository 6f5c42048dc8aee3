package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the program goes by default, and PKCE's S256 as RFC 7636 defines it. */
class EndpointsAndPkceTest {

    private static final Map<String, Arguments.Grammar> GRAMMARS = ReceptionCli.grammars();

    @Test
    void defaultsToTheLocalPlatformItsDeskAndTheDataDirectorysRoot() {
        Endpoints endpoints = Endpoints.of(Arguments.parse(List.of("check-ssn"), GRAMMARS), Map.of());

        assertThat(endpoints.platform()).isEqualTo(URI.create("https://auth.localhost:8082"));
        assertThat(endpoints.desk()).isEqualTo(URI.create("https://desk.localhost:8087"));
        assertThat(endpoints.trustAnchor()).isEqualTo(Path.of("data/tls/ca-root.pem"));
    }

    @Test
    void shiftsTheDeskAsThePlatformIsShifted() {
        Endpoints endpoints = Endpoints.of(
                Arguments.parse(
                        List.of("check-ssn", "--platform-url", "https://auth.city.example.jp:18082/"), GRAMMARS),
                Map.of("SSCARD_DATA_DIR", "/srv/sscard"));

        assertThat(endpoints.platform()).isEqualTo(URI.create("https://auth.city.example.jp:18082"));
        assertThat(endpoints.desk()).isEqualTo(URI.create("https://desk.city.example.jp:18087"));
        assertThat(endpoints.trustAnchor()).isEqualTo(Path.of("/srv/sscard/tls/ca-root.pem"));
    }

    @Test
    void takesTheDeskFromTheEnvironmentOrTheCommandLine() {
        Map<String, String> environment =
                Map.of("SSCARD_AUTH_URL", "https://login.example.jp", "SSCARD_DESK_URL", "https://uketsuke.example.jp");

        assertThat(Endpoints.of(Arguments.parse(List.of("check-ssn"), GRAMMARS), environment)
                        .desk())
                .isEqualTo(URI.create("https://uketsuke.example.jp"));
        assertThat(Endpoints.of(
                                Arguments.parse(
                                        List.of("check-ssn", "--desk-url", "https://d.example.jp:9443"), GRAMMARS),
                                environment)
                        .desk())
                .isEqualTo(URI.create("https://d.example.jp:9443"));
    }

    @Test
    void computesTheS256ChallengeOfRfc7636AppendixB() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void makesAFreshVerifierAndStateForEachLogin() {
        Pkce first = Pkce.create();
        Pkce second = Pkce.create();

        assertThat(first.verifier()).hasSize(43).isNotEqualTo(second.verifier());
        assertThat(first.state()).isNotEqualTo(second.state()).isNotEqualTo(first.verifier());
        assertThat(first.challenge()).isEqualTo(Pkce.challengeOf(first.verifier()));
        assertThat(first.toString()).doesNotContain(first.verifier());
    }
}
