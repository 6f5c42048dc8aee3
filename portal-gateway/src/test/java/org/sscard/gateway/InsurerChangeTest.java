package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.common.time.PlatformDates;
import org.sscard.gateway.support.Browser;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.RelayLinkage;
import org.sscard.gateway.support.RelayLinkage.Resident;

/**
 * A change of insurer as the relay learns it from the insurers (events pushed to its inbox, as insurer-adapters
 * pushes them): the old insurer registers the loss, the new one the joiner, whose five items agree. My Portal then
 * says the old coverage ended and offers the new insurer's services with the consent flow's own Join; "linked
 * services" shows both links; "who looked at my data" says every linkage step in words, never the code.
 */
class InsurerChangeTest extends GatewayTest {

    private static final RelayLinkage LINKAGE = new RelayLinkage(RELAY);
    private static final PlatformDates DATES = new PlatformDates();
    private static final String KENPO = "kameda-kenpo";
    private static final String KENPO_NUMBER = "06139999";
    private static final String NHI = "kamogawa-nhi";
    private static final String NHI_NUMBER = "122382";

    @Test
    void myPortalSaysTheOldCoverageEndedAndOffersTheNewInsurersServicesToJoin() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Resident resident = LINKAGE.resident("ホケン カワル", "保険 変", "千葉県鴨川市横渚1450");
        UUID person = resident.id();
        String kenpoNumber = RelayLinkage.newNumber();
        UUID old = LINKAGE.mapInsurer(person, KENPO, KENPO_NUMBER, kenpoNumber, today.minusYears(3));
        Browser browser = browser();
        browser.login(person);
        assertThat(browser.get("/").body()).doesNotContain("健康保険が変わりました");

        // she left the society 9 days ago (her last day covered: 10 days ago) and joined the city's NHI that day
        LocalDate lostOn = today.minusDays(9);
        LINKAGE.push(KENPO, RelayLinkage.memberLeft(KENPO, KENPO_NUMBER + "|10|" + kenpoNumber + "|00", lostOn));
        String nhiNumber = RelayLinkage.newNumber();
        LINKAGE.push(NHI, RelayLinkage.memberJoined(NHI, NHI_NUMBER, nhiNumber, lostOn, resident));

        String portal = browser.get("/").body();
        assertThat(portal)
                .contains("健康保険が変わりました")
                .contains("亀田健康保険組合の資格は" + DATES.japanese(today.minusDays(10)) + "で終わりました。鴨川市 国民健康保険のサービスを始められます。")
                .contains("data-coverage-join=\"" + NHI + "/medical-expense-notice\"")
                .contains("href=\"/join/" + NHI + "/medical-expense-notice\"")
                .contains("「医療費のお知らせ」に参加する");
        assertThat(browser.get("/?lang=en").body())
                .contains("Your health insurance has changed")
                .contains("Your coverage at Kameda Health Insurance Society ended on")
                .contains("You can start the services of Kamogawa City National Health Insurance.")
                .contains("Join Medical-expense notices");

        String links = browser.get("/links?lang=ja").body();
        assertThat(LinksTest.card(links, old))
                .contains("亀田健康保険組合")
                .contains("data-state=\"ENDED\"")
                .contains(DATES.japanese(today.minusDays(10)) + "で終わりました");
        assertThat(links).contains("鴨川市 国民健康保険").contains("5項目が一致したため、自動で結び付けました");

        String log = browser.get("/access-log").body();
        assertThat(AccessLogTest.row(log, "亀田健康保険組合があなたの資格喪失を登録しました")).contains("保険者システム");
        assertThat(log).contains("鴨川市 国民健康保険の記録をあなたに結び付けました（5項目一致）").contains("鴨川市 国民健康保険に前の保険の喪失日を伝えました");
        String english = browser.get("/access-log?lang=en").body();
        assertThat(english)
                .contains("Kameda Health Insurance Society registered the end of your coverage")
                .contains("Kamogawa City National Health Insurance&#39;s record was linked to you (five items agree)")
                .contains("Kamogawa City National Health Insurance was told when your previous coverage ended");
        for (String code : new String[] {"COVERAGE_LOST_REGISTERED", "MEMBER_LINKED", "PREVIOUS_COVERAGE_SHARED"}) {
            assertThat(log).doesNotContain(code);
            assertThat(english).doesNotContain(code);
        }

        // the consent flow's own join; once every service of the new insurer is joined, the notice has done its work
        for (String service : new String[] {"medical-expense-notice", "eligibility", "checkups"}) {
            String join = "/join/" + NHI + "/" + service;
            HttpResponse<String> joined =
                    browser.post(join, LinksTest.csrf(browser.get(join).body()));
            assertThat(joined.statusCode()).as(join).isEqualTo(303);
        }
        assertThat(browser.get("/?lang=ja").body())
                .doesNotContain("健康保険が変わりました")
                .contains("マイポータル");
    }

    @Test
    void aRecordWhoseItemsDoNotAgreeWaitsForACheckAndSaysSoInWords() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Resident resident = LINKAGE.resident("カクニン マチ", "確認 待", "千葉県鴨川市前原1-1");
        Resident moved = new Resident(
                resident.id(),
                resident.nameKana(),
                resident.nameKanji(),
                resident.dateOfBirth(),
                resident.sex(),
                resident.ssn(),
                "千葉県鴨川市太海9-9");
        LINKAGE.push(NHI, RelayLinkage.memberJoined(NHI, NHI_NUMBER, RelayLinkage.newNumber(), today, moved));
        Browser browser = browser();
        browser.login(resident.id());

        assertThat(browser.get("/access-log").body()).contains("鴨川市 国民健康保険の記録が確認待ちになりました");
        assertThat(browser.get("/access-log?lang=en").body())
                .contains("A record at Kamogawa City National Health Insurance is waiting for a check");
        assertThat(browser.get("/links").body())
                .as("a record waiting for a check is no link")
                .doesNotContain("鴨川市 国民健康保険");
    }
}
