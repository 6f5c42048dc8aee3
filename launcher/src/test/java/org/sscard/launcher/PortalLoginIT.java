package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole platform as {@code bin/run} starts it, used by a resident with a real demo card: the portal sends them
 * to auth-service, the card login's TLS handshake takes their card, the code comes back to the gateway (PKCE,
 * private_key_jwt with its service certificate), My Portal shows who they are and their services from the relay,
 * the gateway exchanges their token at auth-service for pairwise provider tokens (logged at the relay), and logout
 * goes through auth-service to the remove-your-card page. The same in Debian's headless Chromium with the card in
 * its NSS database.
 */
class PortalLoginIT {

    @TempDir
    static Path workDir;
    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.start(workDir);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aResidentLogsInWithTheirCardSeesMyPortalAndLogsOut() throws Exception {
        CardHolderClient hanako = new CardHolderClient(platform.card("kamogawa-hanako.p12"), "1111",
                platform.caRoot());
        String portal = platform.portalUrl();

        HttpResponse<String> login = hanako.get(portal + "/");
        assertThat(login.uri().getPath()).isEqualTo("/login");

        HttpResponse<String> myPortal = hanako.get(portal + "/oauth2/authorization/sscard");
        assertThat(myPortal.statusCode()).as(myPortal.body()).isEqualTo(200);
        assertThat(myPortal.uri().toString()).isEqualTo(portal + "/");
        assertThat(myPortal.body()).contains("カモガワ　ハナコ").contains("********0001")
                .doesNotContain("100000000001")
                .contains("href=\"/p/kamogawa-nhi/notices\"").contains("href=\"/p/pension-office/pension\"")
                .contains("/saml/idp/init/kameda-hospital").doesNotContain("kameda-kenpo");

        String log = hanako.get(portal + "/access-log").body();
        assertThat(log).as("the pairwise tokens for the tiles, issued by auth-service and logged at the relay")
                .contains("pairwise token for kamogawa-nhi").contains("pairwise token for pension-office");

        HttpResponse<String> bye = hanako.post(portal + "/logout", "_csrf=" + URLEncoder.encode(csrf(
                hanako.get(portal + "/").body()), StandardCharsets.UTF_8));
        assertThat(bye.uri().toString()).isEqualTo(portal + "/logged-out");
        assertThat(bye.body()).contains("カードをお取りください");
        assertThat(hanako.get(portal + "/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aStaffCardGetsNoPortal() throws Exception {
        CardHolderClient clerk = new CardHolderClient(platform.card("clerk-kameda-hospital.p12"), "9001",
                platform.caRoot());
        HttpResponse<String> refused = clerk.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(refused.headers().firstValue("Sscard-Login-Refusal")).as(refused.body()).isPresent();
        assertThat(refused.uri().getPath()).isEqualTo("/login/card/resident");
        assertThat(clerk.get(platform.portalUrl() + "/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aResidentLogsInWithTheirCardInChromium() throws Exception {
        Assumptions.assumeTrue(CardInChromium.available(), "chromium, chromium-driver, libnss3-tools");
        ChromeDriver chromium = CardInChromium.start(workDir.resolve("chromium-home"), platform.caRoot(),
                platform.card("amatsu-ichiro.p12"), "3333");
        try {
            String portal = platform.portalUrl();
            chromium.get(portal + "/");
            assertThat(chromium.getCurrentUrl()).isEqualTo(portal + "/login");
            chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']")).click();
            new WebDriverWait(chromium, Duration.ofSeconds(60)).until(ExpectedConditions.urlToBe(portal + "/"));
            assertThat(chromium.findElement(By.cssSelector(".who .name")).getText()).contains("アマツ");
            assertThat(chromium.findElements(By.cssSelector("[data-provider='kameda-kenpo']"))).hasSize(1);
            chromium.findElement(By.cssSelector("#logout-form button")).click();
            new WebDriverWait(chromium, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(portal
                    + "/logged-out"));
            assertThat(chromium.findElement(By.cssSelector(".card-reminder")).getText()).isEqualTo("カードをお取りください");
        } finally {
            chromium.quit();
        }
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
