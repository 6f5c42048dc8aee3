package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sscard.gateway.support.Axe;
import org.sscard.gateway.support.Chromium;
import org.sscard.gateway.support.GatewayTest;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/**
 * Joining and leaving in Debian's headless Chromium, by keyboard only (Tab to the link or button, Enter), with
 * axe-core's WCAG 2.1 AA rules on every page on the way: My Portal with its lists and its notices, the two
 * confirmation pages, and the refusal page, in Japanese and in English. The CSP must not be violated.
 */
class ConsentBrowserTest extends GatewayTest {

    private ChromeDriver chromium;

    @BeforeEach
    void startChromium() {
        chromium = Chromium.start();
    }

    @AfterEach
    void stopChromium() {
        chromium.quit();
    }

    @Test
    void joinsAndLeavesByKeyboardOnPagesWithoutAccessibilityViolations() {
        UUID person = RELAY.createPerson(RelayFixture.newPersonalId(), "キーボード サンカ", RelayFixture.newProvisionalSsn());
        try (StandInProvider joinable = new StandInProvider(RelayFixture.newKey("kbjoin"));
                StandInProvider joined = new StandInProvider(RelayFixture.newKey("kbleave"))) {
            RELAY.registerProvider(joinable.key(), "PROXY", joinable.baseUrl(), "notices", "/notices");
            RELAY.registerProvider(joined.key(), "PROXY", joined.baseUrl(), "pension", "/pension");
            String unknown = RelayFixture.newKey("kbcounter");
            RELAY.registerProvider(unknown, "PROXY", "https://counter.example", "checkups", "/checkups");
            RELAY.mapLocalNumber(person, joinable.key(), "KB-0001");
            RELAY.join(person, joined.key(), "pension", "KB-0002");
            logIn(person);
            Axe.assertNoViolations(chromium, "My Portal with services to join and to register for");

            tabTo(element -> hrefEndsWith(element, "/join/" + joinable.key() + "/notices"));
            enter();
            waitFor("/join/" + joinable.key() + "/notices");
            Axe.assertNoViolations(chromium, "the join confirmation");
            tabTo(element -> "confirm".equals(element.getAttribute("id")));
            enter();
            waitFor("/");
            assertThat(chromium.findElement(By.cssSelector(".notice")).getText())
                    .contains("に参加しました");
            Axe.assertNoViolations(chromium, "My Portal with the joined notice");

            tabTo(element -> hrefEndsWith(element, "/leave/" + joined.key()));
            enter();
            waitFor("/leave/" + joined.key());
            Axe.assertNoViolations(chromium, "the leave confirmation");
            chromium.get(base() + "/leave/" + joined.key() + "?lang=en");
            Axe.assertNoViolations(chromium, "the leave confirmation in English");
            tabTo(element -> "confirm".equals(element.getAttribute("id")));
            enter();
            waitFor("/");
            assertThat(chromium.findElement(By.cssSelector(".notice")).getText())
                    .contains("You left");
            assertThat(chromium.findElements(By.cssSelector("[data-provider='" + joined.key() + "'][data-state]")))
                    .isEmpty();
            Axe.assertNoViolations(chromium, "My Portal in English with the left notice");

            chromium.get(base() + "/join/" + unknown + "/checkups?lang=ja");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("このサービスには、まだ参加できません");
            Axe.assertNoViolations(chromium, "the refusal page");
            tabTo(element -> "/".equals(element.getAttribute("pathname"))
                    && element.getAttribute("class") != null
                    && element.getAttribute("class").contains("button"));
            enter();
            waitFor("/");
            assertThat(cspViolations()).isEmpty();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void logIn(UUID person) {
        AUTH.nextLogin(person);
        chromium.get(base() + "/");
        chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                .click();
        waitFor("/");
    }

    private void waitFor(String path) {
        new WebDriverWait(chromium, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(base() + path) + "(\\?.*)?$"));
    }

    /** Tab through the page (at most 400 stops) until the focused element is the wanted one. */
    private void tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 400; i++) {
            new Actions(chromium).sendKeys(Keys.TAB).perform();
            if (wanted.test(chromium.switchTo().activeElement())) {
                return;
            }
        }
        throw new AssertionError("not reachable by Tab on " + chromium.getCurrentUrl());
    }

    private void enter() {
        new Actions(chromium).sendKeys(Keys.ENTER).perform();
    }

    private static boolean hrefEndsWith(WebElement element, String path) {
        String href = element.getAttribute("href");
        return href != null && href.endsWith(path);
    }

    private List<String> cspViolations() {
        return chromium.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }
}
