package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sscard.common.time.PlatformDates;

/**
 * The whole platform as {@code bin/run} starts it, used by a resident with a real demo card: the portal sends them
 * to auth-service, the card login's TLS handshake takes their card, the code comes back to the gateway (PKCE,
 * private_key_jwt with its service certificate), My Portal shows who they are and their services from the relay,
 * the gateway exchanges their token at auth-service for pairwise provider tokens (logged at the relay), and logout
 * goes through auth-service to the remove-your-card page. The same in Debian's headless Chromium with the card in
 * its NSS database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalLoginIT {

    @TempDir
    static Path workDir;

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.shared();
    }

    @Test
    @Order(1)
    void aResidentLogsInWithTheirCardSeesMyPortalAndLogsOut() throws Exception {
        CardHolderClient hanako = new CardHolderClient(platform.card("kamogawa-hanako.p12"), "1111", platform.caRoot());
        String portal = platform.portalUrl();

        HttpResponse<String> login = hanako.get(portal + "/");
        assertThat(login.uri().getPath()).isEqualTo("/login");

        HttpResponse<String> myPortal = hanako.get(portal + "/oauth2/authorization/sscard");
        assertThat(myPortal.statusCode()).as(myPortal.body()).isEqualTo(200);
        assertThat(myPortal.uri().toString()).isEqualTo(portal + "/");
        assertThat(myPortal.body())
                .contains("カモガワ　ハナコ")
                .contains("********0001")
                .doesNotContain("100000000001")
                .contains("href=\"/p/kamogawa-nhi/notices\"")
                .contains("href=\"/p/pension-office/pension\"")
                .contains("href=\"" + platform.hospitalUrl() + "/records\"")
                .doesNotContain("/saml/idp/init/")
                // the society holds no ID for her: no tile and nothing to join, only "register at its counter"
                .doesNotContain("href=\"/p/kameda-kenpo/")
                .doesNotContain("/join/kameda-kenpo/")
                .contains("data-counter=\"kameda-kenpo\"");

        String log = hanako.get(portal + "/access-log").body();
        assertThat(log)
                .as("the pairwise tokens for the tiles, issued by auth-service and logged at the relay")
                .contains("pairwise token for kamogawa-nhi")
                .contains("pairwise token for pension-office");

        HttpResponse<String> bye = hanako.post(
                portal + "/logout",
                "_csrf=" + URLEncoder.encode(csrf(hanako.get(portal + "/").body()), StandardCharsets.UTF_8));
        assertThat(bye.uri().toString()).isEqualTo(portal + "/logged-out");
        assertThat(bye.body()).contains("カードをお取りください");
        assertThat(hanako.get(portal + "/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    @Order(2)
    void aStaffCardGetsNoPortal() throws Exception {
        CardHolderClient clerk =
                new CardHolderClient(platform.card("clerk-kameda-hospital.p12"), "9001", platform.caRoot());
        HttpResponse<String> refused = clerk.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(refused.headers().firstValue("Sscard-Login-Refusal"))
                .as(refused.body())
                .isPresent();
        assertThat(refused.uri().getPath()).isEqualTo("/login/card/resident");
        assertThat(clerk.get(platform.portalUrl() + "/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    @Order(3)
    void aResidentOpensEveryTileAndSeesOnlyHerOwnData() throws Exception {
        CardHolderClient hanako = loggedIn("kamogawa-hanako.p12", "1111");
        String portal = platform.portalUrl();
        String myPortal = hanako.get(portal + "/").body();
        List<String> links = tileLinks(myPortal);
        assertThat(links)
                .as(myPortal)
                .containsExactlyInAnyOrder(
                        "/p/kamogawa-nhi/eligibility",
                        "/p/kamogawa-nhi/notices",
                        "/p/kamogawa-nhi/checkups",
                        "/p/pension-office/pension",
                        platform.hospitalUrl() + "/records");

        List<String[]> eligibility = DemoCsv.rows("kamogawa-nhi", "eligibility.csv");
        String eligibilityPage = page(hanako, portal + "/p/kamogawa-nhi/eligibility");
        assertThat(eligibilityPage)
                .contains(name(eligibility, "1001"))
                .doesNotContain(name(eligibility, "1002"))
                .doesNotContain(name(eligibility, "1005"));

        List<String[]> notices = DemoCsv.rows("kamogawa-nhi", "notices.csv");
        String noticesPage = page(hanako, portal + "/p/kamogawa-nhi/notices?year=2024");
        assertThat(noticesPage)
                .as("her own share for 2024, summed from her rows of the demo CSV")
                .contains(DemoCsv.yen(DemoCsv.sum(notices, DemoCsv.insured("1001", "2024"), 9)))
                .doesNotContain(DemoCsv.yen(DemoCsv.sum(notices, DemoCsv.insured("1002", "2024"), 9)))
                .doesNotContain(DemoCsv.yen(DemoCsv.sum(notices, DemoCsv.insured("1005", "2024"), 9)))
                .contains("href=\"notices/2024.pdf\"");
        HttpResponse<byte[]> pdf = hanako.download(portal + "/p/kamogawa-nhi/notices/2024.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        List<String[]> checkups = DemoCsv.rows("kamogawa-nhi", "checkups.csv");
        String checkupsPage = page(hanako, portal + "/p/kamogawa-nhi/checkups");
        assertThat(checkupsPage)
                .as("a checkup date only she has, in the page's era form")
                .contains(pageDate(onlyDate(checkups, "1001", "1002", "1005")))
                .doesNotContain(pageDate(onlyDate(checkups, "1002", "1001", "1005")));

        String pensionPage = page(hanako, portal + "/p/pension-office/pension");
        List<String[]> projections = DemoCsv.rows("pension-office", "projections.csv");
        assertThat(pensionPage)
                .contains("デモ用の架空データです")
                .contains("1234-567890")
                .contains(DemoCsv.yen(
                        DemoCsv.sum(projections, row -> row[0].equals("1234-567890") && row[1].equals("65"), 2)))
                .doesNotContain("2345-678901")
                .doesNotContain(DemoCsv.yen(
                        DemoCsv.sum(projections, row -> row[0].equals("2345-678901") && row[1].equals("65"), 3)));

        HttpResponse<String> records = hospitalHop(hanako);
        assertThat(records.uri().getPath()).isEqualTo("/records");
        assertThat(records.uri().getAuthority())
                .isEqualTo(URI.create(platform.hospitalUrl()).getAuthority());
        assertThat(records.body())
                .contains("P0012345")
                .contains("鴨川 花子")
                .doesNotContain("P0023456")
                .doesNotContain("長狭")
                .doesNotContain("P0034567");
    }

    @Test
    @Order(4)
    void aResidentReachesNobodyElsesData() throws Exception {
        CardHolderClient hanako = loggedIn("kamogawa-hanako.p12", "1111");
        String portal = platform.portalUrl();
        List<String[]> eligibility = DemoCsv.rows("kamogawa-nhi", "eligibility.csv");
        String taro = name(eligibility, "1002");

        HttpResponse<String> notJoined = hanako.get(portal + "/p/kameda-kenpo/notices");
        assertThat(notJoined.statusCode()).isEqualTo(403);
        assertThat(notJoined.body()).contains("NOT_JOINED").doesNotContain("医療費のお知らせ</h1>");

        String taroLocalId = URLEncoder.encode("122382|鴨川|1002|00", StandardCharsets.UTF_8);
        for (String url : List.of(
                portal + "/p/kamogawa-nhi/eligibility?localId=" + taroLocalId,
                portal + "/p/kamogawa-nhi/eligibility?id=" + taroLocalId + "&person=" + taroLocalId + "&subject="
                        + taroLocalId + "&sub=" + taroLocalId)) {
            assertThat(page(hanako, url))
                    .as(url)
                    .contains(name(eligibility, "1001"))
                    .doesNotContain(taro);
        }
        String ownEligibility = page(
                hanako,
                portal + "/p/kamogawa-nhi/eligibility",
                "X-Sscard-Subject",
                taroLocalId,
                "Sscard-Subject",
                taroLocalId,
                "X-Forwarded-User",
                taroLocalId,
                "Authorization",
                "Bearer " + taroLocalId);
        assertThat(ownEligibility).contains(name(eligibility, "1001")).doesNotContain(taro);
        for (String path : List.of(
                "/p/kamogawa-nhi/eligibility/" + taroLocalId,
                "/p/kamogawa-nhi/api/v1/eligibility/" + taroLocalId,
                "/p/pension-office/pension/2345-678901")) {
            HttpResponse<String> other = hanako.get(portal + path);
            assertThat(other.statusCode()).as(path).isNotEqualTo(200);
            assertThat(other.body()).as(path).doesNotContain(taro).doesNotContain("2345-678901");
        }

        HttpResponse<String> records = hospitalHop(hanako);
        assertThat(records.body()).contains("P0012345");
        for (String path : List.of("/records?patient=P0023456", "/records?patientNumber=P0023456")) {
            HttpResponse<String> other = hanako.get(
                    platform.hospitalUrl() + path, "X-Patient-Number", "P0023456", "Sscard-Subject", "P0023456");
            assertThat(other.body()).as(path).doesNotContain("P0023456").doesNotContain("長狭");
        }

        String log = hanako.get(portal + "/access-log").body();
        assertThat(log)
                .as("the relay's entries and each provider's own, merged")
                .contains("サービス利用の証明書発行")
                .contains("病院へのログイン情報の発行")
                .contains("資格の閲覧")
                .contains("診療記録の閲覧")
                .doesNotContain(">ELIGIBILITY_READ<")
                .doesNotContain("次の機関の記録は、いま取得できません");
    }

    /**
     * SP-initiated: the hospital's own login (its signed AuthnRequest on the Redirect binding) at the platform's real
     * IdP, which the resident's card login already vouches for; the Response answers that request (InResponseTo).
     */
    @Test
    @Order(5)
    void theHospitalsOwnLoginAsksThePlatformIdpAndLandsOnTheRecords() throws Exception {
        CardHolderClient taro = loggedIn("nagasa-taro.p12", "2222");
        HttpResponse<String> idp = taro.get(platform.hospitalUrl() + "/records");
        assertThat(idp.uri().toString())
                .as("the hospital sent the browser to the IdP")
                .startsWith(platform.authUrl() + "/saml/idp/sso");
        assertThat(idp.statusCode()).as(idp.headers().map() + "\n" + idp.body()).isEqualTo(200);
        AutoPostForm form = AutoPostForm.read(idp.body());
        assertThat(form.action().toString()).isEqualTo(platform.hospitalUrl() + "/login/saml2/sso/sscard");
        HttpResponse<String> records = taro.post(form.action().toString(), form.encoded());
        assertThat(records.statusCode())
                .as(records.headers().map() + "\n" + records.body())
                .isEqualTo(200);
        // back on the page first asked for (Spring's saved request marks it with ?continue)
        assertThat(records.uri().getPath()).isEqualTo("/records");
        assertThat(records.uri().getAuthority())
                .isEqualTo(URI.create(platform.hospitalUrl()).getAuthority());
        assertThat(records.body())
                .contains("P0023456")
                .doesNotContain("P0012345")
                .doesNotContain("P0034567");
    }

    @Test
    @Order(6)
    void aResidentLogsInWithTheirCardInChromium() throws Exception {
        Assumptions.assumeTrue(CardInChromium.available(), "chromium, chromium-driver, libnss3-tools");
        ChromeDriver chromium = CardInChromium.start(
                workDir.resolve("chromium-home"), platform.caRoot(), platform.card("amatsu-ichiro.p12"), "3333");
        try {
            String portal = platform.portalUrl();
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            chromium.get(portal + "/");
            assertThat(chromium.getCurrentUrl()).isEqualTo(portal + "/login");
            chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                    .click();
            wait.until(ExpectedConditions.urlToBe(portal + "/"));
            assertThat(chromium.findElement(By.cssSelector(".who .name")).getText())
                    .contains("アマツ");

            chromium.findElement(By.cssSelector("[data-provider='kameda-kenpo'] a[href='/p/kameda-kenpo/notices']"))
                    .click();
            wait.until(ExpectedConditions.urlToBe(portal + "/p/kameda-kenpo/notices"));
            assertThat(chromium.findElement(By.tagName("h1")).getText()).contains("医療費のお知らせ");
            assertThat(chromium.findElements(By.cssSelector("table.list tbody tr")))
                    .isNotEmpty();

            chromium.get(portal + "/");
            chromium.findElement(By.cssSelector("[data-provider='kameda-hospital'] a.button"))
                    .click();
            // SP-initiated: back on the page first asked for (Spring's saved request marks it with ?continue)
            wait.until(ExpectedConditions.urlMatches(
                    "^" + Pattern.quote(platform.hospitalUrl() + "/records") + "(\\?continue)?$"));
            assertThat(chromium.getPageSource()).contains("P0034567").doesNotContain("P0012345");

            chromium.get(portal + "/");
            chromium.findElement(By.cssSelector("#logout-form button")).click();
            new WebDriverWait(chromium, Duration.ofSeconds(30))
                    .until(ExpectedConditions.urlToBe(portal + "/logged-out"));
            assertThat(chromium.findElement(By.cssSelector(".card-reminder")).getText())
                    .isEqualTo("カードをお取りください");
        } finally {
            chromium.quit();
        }
    }

    /** Last: it stops the hospital for good. */
    @Test
    @Order(7)
    void aProviderOutageDegradesOneTileNotThePortal() throws Exception {
        Assumptions.assumeTrue(platform.stopService("hospital-portal"), "the platform was started by this test");
        CardHolderClient hanako = loggedIn("kamogawa-hanako.p12", "1111");
        String portal = platform.portalUrl();
        String myPortal = hanako.get(portal + "/").body();
        assertThat(tileState(myPortal, "kameda-hospital")).as(myPortal).isEqualTo("UNAVAILABLE");
        assertThat(tileState(myPortal, "kamogawa-nhi")).isEqualTo("AVAILABLE");
        assertThat(tileState(myPortal, "pension-office")).isEqualTo("AVAILABLE");
        assertThat(hanako.get(portal + "/p/kamogawa-nhi/notices").statusCode()).isEqualTo(200);
        String log = hanako.get(portal + "/access-log").body();
        assertThat(log)
                .contains("次の機関の記録は、いま取得できません")
                .contains("data-provider=\"kameda-hospital\"")
                .contains("医療費のお知らせの閲覧");
    }

    private static CardHolderClient loggedIn(String card, String pin) throws Exception {
        CardHolderClient holder = new CardHolderClient(platform.card(card), pin, platform.caRoot());
        HttpResponse<String> myPortal = holder.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(myPortal.uri().toString()).as(myPortal.body()).isEqualTo(platform.portalUrl() + "/");
        return holder;
    }

    private static String page(CardHolderClient holder, String url, String... headers) throws Exception {
        HttpResponse<String> response = holder.get(url, headers);
        assertThat(response.statusCode()).as(url + "\n" + response.body()).isEqualTo(200);
        return response.body();
    }

    /**
     * The hospital tile's hop as a browser makes it (SP-initiated): the tile's link to the hospital's records, which
     * sends the browser with a signed AuthnRequest to auth-service (its session from the card login), the auto-post
     * form with the signed Response answering it, posted to the hospital's ACS, redirected to the records. A browser
     * still logged in at the hospital lands on the records at once.
     */
    private static HttpResponse<String> hospitalHop(CardHolderClient holder) throws Exception {
        HttpResponse<String> idp = holder.get(platform.hospitalUrl() + "/records");
        assertThat(idp.statusCode()).as(idp.body()).isEqualTo(200);
        if (idp.uri().getAuthority().equals(URI.create(platform.hospitalUrl()).getAuthority())) {
            return idp;
        }
        AutoPostForm form = AutoPostForm.read(idp.body());
        assertThat(form.action().toString()).isEqualTo(platform.hospitalUrl() + "/login/saml2/sso/sscard");
        HttpResponse<String> landed = holder.post(form.action().toString(), form.encoded());
        assertThat(landed.statusCode())
                .as(landed.headers().map() + "\n" + landed.body())
                .isEqualTo(200);
        return landed;
    }

    private static List<String> tileLinks(String myPortal) {
        Matcher link = Pattern.compile("<a class=\"button\" href=\"([^\"]+)\"").matcher(myPortal);
        List<String> links = new ArrayList<>();
        while (link.find()) {
            links.add(link.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    private static String tileState(String myPortal, String provider) {
        Matcher tile = Pattern.compile("data-provider=\"" + provider + "\" data-state=\"([A-Z_]+)\"")
                .matcher(myPortal);
        assertThat(tile.find()).as(myPortal).isTrue();
        return tile.group(1);
    }

    private static String name(List<String[]> eligibility, String number) {
        return eligibility.stream()
                .filter(row -> row[2].equals(number))
                .findFirst()
                .orElseThrow()[5];
    }

    /** A checkup date of {@code number}'s that none of the {@code others} has. */
    private static LocalDate onlyDate(List<String[]> checkups, String number, String... others) {
        List<String> theirs = checkups.stream()
                .filter(row -> List.of(others).contains(row[2]))
                .map(row -> row[4])
                .toList();
        return checkups.stream()
                .filter(row -> row[2].equals(number))
                .map(row -> row[4])
                .filter(date -> !theirs.contains(date))
                .map(LocalDate::parse)
                .findFirst()
                .orElseThrow();
    }

    /** The Western part of the insurer pages' era dates: {@code 令和3年6月14日 (2021-06-14)}. */
    /** A date as the providers' pages write it (the platform's one date rule). */
    private static String pageDate(LocalDate date) {
        return new PlatformDates().japanese(date);
    }

    private static String csrf(String page) {
        Matcher token =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
