package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sscard.common.operator.Operator;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.RelayProcess;
import org.sscard.testsupport.TestTokenIssuer;

/** "Who looked at my data": the relay's log and the providers' logs, merged, naming providers that are down. */
class AccessLogTest extends GatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void mergesTheRelaysAndEveryProvidersLogNewestFirstAndNamesTheUnavailable() {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "キロク ミル", RelayFixture.newProvisionalSsn());
        try (StandInProvider insurer = new StandInProvider(RelayFixture.newKey("logs"));
                StandInProvider down = new StandInProvider(RelayFixture.newKey("nolog"))) {
            RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "notices", "/notices");
            RELAY.registerProvider(down.key(), "PROXY", down.baseUrl(), "pension", "/pension");
            RELAY.join(person, insurer.key(), "notices", "A-0100");
            RELAY.join(person, down.key(), "pension", "A-0200");
            down.close();
            Browser browser = browser();
            browser.login(person);
            browser.get("/");

            String page = browser.get("/access-log").body();

            // the provider's own entry, about this resident (its token's subject), with organisation and role
            assertThat(page)
                    .contains("Org of " + insurer.key())
                    .contains("(CLERK)")
                    .contains("checked for A-0100");
            // a provider's action in words, not its code
            assertThat(page).contains("医療費のお知らせの閲覧").doesNotContain(">NOTICES_READ<");
            // the relay's entries: the city office registering, the portal reading for the resident themself
            assertThat(page).contains("市役所").contains("サービスへの参加（利用登録）").contains("（ご本人の操作による）");
            assertThat(page).contains("data-provider=\"" + down.key() + "\"");
            assertThat(page.indexOf("Org of " + insurer.key()))
                    .as("the provider's entry (a day ago) comes after " + "the relay's rows of today: newest first")
                    .isGreaterThan(page.lastIndexOf("サービスへの参加（利用登録）"));
            // times as the platform writes them: the era first, the Western year beside, 24-hour, in Japan's zone
            assertThat(page).containsPattern("令和(元|\\d+)年（\\d{4}年）\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} JST");
            assertThat(browser.get("/access-log?lang=en").body())
                    .containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4} \\(Reiwa \\d+\\) \\d{2}:\\d{2} JST");
        }
    }

    @Test
    void takesNoPersonFromTheRequest() {
        UUID mine = RELAY.createPerson(RelayFixture.newPersonalId(), "ジブン ノ", RelayFixture.newProvisionalSsn());
        UUID theirs = RELAY.createPerson(RelayFixture.newPersonalId(), "タニン ノ", RelayFixture.newProvisionalSsn());
        try (StandInProvider insurer = new StandInProvider(RelayFixture.newKey("own"))) {
            RELAY.registerProvider(insurer.key(), "PROXY", insurer.baseUrl(), "notices", "/notices");
            RELAY.join(mine, insurer.key(), "notices", "M-1");
            RELAY.join(theirs, insurer.key(), "notices", "T-1");
            Browser browser = browser();
            browser.login(mine);
            String page = browser.get("/access-log?id=" + theirs + "&person=" + theirs)
                    .body();
            assertThat(page).contains("checked for M-1").doesNotContain("checked for T-1");
            String portal = browser.get("/?id=" + theirs).body();
            assertThat(portal).contains("ジブン").doesNotContain("タニン");
        }
    }

    @Test
    void namesTheOperatorsConsoleAndEachStaffMembersRoleButNeverTheirId() throws Exception {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "カンリ サレル", RelayFixture.newProvisionalSsn());
        String insurer = RelayFixture.newKey("members");
        RELAY.registerProvider(insurer, "PROXY", "https://" + insurer + ".example", "notices", "/notices");
        RELAY.join(person, insurer, "notices", "B-0300");
        String insurerAdmin = UUID.randomUUID().toString();
        String cityAdmin = UUID.randomUUID().toString();
        String clerk = UUID.randomUUID().toString();
        // the real relay writes each row: the console for an insurer's and the city's administrator (operator
        // tokens), auth-service for a clerk the resident let act for them at a counter
        assertThat(asOperator(
                                insurerAdmin,
                                Operator.INSURER_ADMIN,
                                insurer,
                                "/api/v1/providers/" + insurer + "/members?page=0&size=50")
                        .statusCode())
                .isEqualTo(200);
        assertThat(asOperator(cityAdmin, Operator.CITY_ADMIN, Operator.CITY, "/api/v1/persons/" + person)
                        .statusCode())
                .isEqualTo(200);
        assertThat(releaseAtACounter(person, insurer, clerk).statusCode()).isEqualTo(200);
        Browser browser = browser();
        browser.login(person);

        String page = browser.get("/access-log").body();

        assertThat(row(page, "保険者による加入者一覧の閲覧"))
                .contains("市・保険者の管理画面（職員）")
                .contains("（保険者の管理担当者）")
                .contains("試験機関 " + insurer);
        assertThat(row(page, "基本情報の閲覧", "市・保険者の管理画面（職員）")).contains("（市の管理担当者）");
        assertThat(row(page, "サービス利用の証明書発行", "pairwise token for " + insurer)).contains("（窓口の担当者）");
        for (String raw : new String[] {"staff:", insurerAdmin, cityAdmin, clerk, "MEMBERS_READ", "operator-console"}) {
            assertThat(page).as("no raw code on the page").doesNotContain(raw);
        }
        String english = browser.get("/access-log?lang=en").body();
        assertThat(row(english, "Seen in an insurer&#39;s member list"))
                .contains("The operators&#39; console (staff)")
                .contains("(an insurer&#39;s administrator)")
                .contains("Test provider " + insurer);
        assertThat(row(english, "Basic details read", "The operators&#39; console (staff)"))
                .contains("(a city administrator)");
        assertThat(row(english, "Service token issued", "pairwise token for " + insurer))
                .contains("(staff at a counter)");
        assertThat(english).doesNotContain("staff:").doesNotContain(insurerAdmin);
    }

    /** The first row of the access-log page's table that shows every one of {@code texts}. */
    static String row(String page, String... texts) {
        Matcher row = Pattern.compile("<tr>.*?</tr>", Pattern.DOTALL).matcher(page);
        while (row.find()) {
            String found = row.group();
            if (Arrays.stream(texts).allMatch(found::contains)) {
                return found;
            }
        }
        throw new AssertionError("no row with " + String.join(" and ", texts) + " on the access-log page");
    }

    /** A GET at the relay as the operators' console acting for this staff member (an operator token). */
    private static HttpResponse<String> asOperator(String staff, String role, String organisation, String path)
            throws IOException, InterruptedException {
        String token = TestTokenIssuer.get()
                .mint(
                        "operator-console",
                        "relay-db-service",
                        claims -> claims.claim("gty", Operator.GRANT_CLAIM_VALUE)
                                .claim("scope", null)
                                .expirationTime(Date.from(Instant.now().plusSeconds(120)))
                                .claim("act", Map.of("sub", staff, "role", role, "organisation", organisation)));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(RELAY.baseUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** auth-service's release of a pairwise token for a clerk the resident named at the provider's counter. */
    private static HttpResponse<String> releaseAtACounter(UUID person, String provider, String clerk)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(RELAY.baseUrl() + "/api/v1/releases"))
                        .header("Authorization", RelayProcess.get().authorization("auth-service"))
                        .header("Content-Type", "application/json")
                        .header("Sscard-Acting-For", "staff:" + clerk)
                        .header("Sscard-Purpose", "pairwise token for " + provider)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"person\":\"" + person + "\",\"providerKey\":\""
                                + provider + "\",\"issued\":\"PAIRWISE_TOKEN\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
