package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import org.sscard.gateway.support.Chromium;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.testsupport.RelayFixture;

/**
 * The pages in Debian's headless Chromium, which enforces the CSP: login, the skip link, the English switch, and
 * the idle logout (a 20 s session here, warned 15 s before) — warned, extended, then ended on the goodbye page.
 */
@TestPropertySource(properties = {"server.reactive.session.timeout=20s", "sscard.portal.idle-warning=15s"})
class KioskBrowserTest extends GatewayTest {

    private ChromeDriver chromium;

    @BeforeEach
    void startChromium() {
        Assumptions.assumeTrue(Chromium.available(), "Debian chromium and chromium-driver (bin/test installs them)");
        chromium = Chromium.start();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    private void logIn() {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "ブラウザ テスト", RelayFixture.newProvisionalSsn());
        AUTH.nextLogin(person);
        chromium.get("http://localhost:" + port + "/");
        assertThat(chromium.getCurrentUrl()).endsWith("/login");
        assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("ja");
        chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                .click();
        new WebDriverWait(chromium, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
        assertThat(chromium.findElement(By.cssSelector(".who .name")).getText()).contains("ブラウザ");
    }

    @Test
    void logsInWithTheSkipLinkFirstAndSwitchesToEnglish() {
        logIn();
        chromium.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = chromium.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        assertThat(focused.isDisplayed()).isTrue();
        chromium.findElement(By.cssSelector("a[hreflang='en']")).click();
        assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("My Portal");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void warnsBeforeTheIdleLogoutLetsThePersonContinueThenEndsOnTheRemoveYourCardPage() {
        logIn();
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(15));
        WebElement dialog = chromium.findElement(By.id("idle-dialog"));
        wait.until(driver -> dialog.getAttribute("open") != null);
        int left = Integer.parseInt(chromium.findElement(By.id("idle-seconds")).getText());
        assertThat(left).isBetween(1, 15);
        assertThat(chromium.switchTo().activeElement().getAttribute("id")).isEqualTo("idle-extend");
        chromium.findElement(By.id("idle-extend")).click();
        wait.until(driver -> dialog.getAttribute("open") == null);
        // still logged in after the extension, without a new page load
        wait.until(driver -> dialog.getAttribute("open") != null);
        new WebDriverWait(chromium, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/logged-out"));
        assertThat(chromium.findElement(By.cssSelector(".card-reminder")).getText())
                .isEqualTo("カードをお取りください");
        chromium.get("http://localhost:" + port + "/");
        assertThat(chromium.getCurrentUrl()).endsWith("/login");
        assertThat(cspViolations()).isEmpty();
    }

    private List<String> cspViolations() {
        return chromium.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }
}
