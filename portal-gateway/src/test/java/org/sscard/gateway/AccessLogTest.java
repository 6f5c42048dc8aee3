package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/** "Who looked at my data": the relay's log and the providers' logs, merged, naming providers that are down. */
class AccessLogTest extends GatewayTest {

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
}
