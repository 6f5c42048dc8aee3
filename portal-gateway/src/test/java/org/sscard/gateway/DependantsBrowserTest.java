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
import org.sscard.gateway.support.StandInInsurer;

/**
 * The dependant verification in Debian's headless Chromium, by keyboard only: from the insurer's tile to the page,
 * a choice for each dependant (Space on a radio button), a note typed, sent with Enter; axe-core's WCAG 2.1 AA
 * rules on My Portal with the link, the form in Japanese and English, the submitted state, and the page an insurer
 * that is down gives. The CSP must not be violated.
 */
class DependantsBrowserTest extends GatewayTest {

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
    void answersForEachDependantByKeyboardOnPagesWithoutAccessibilityViolations() {
        try (StandInInsurer insurer = new StandInInsurer(org.sscard.testsupport.RelayFixture.newKey("kbkenpo"))) {
            insurer.household("KB-2001", DependantsTest.SAKURA, DependantsTest.HARUTO);
            logIn(DependantsTest.joinedPerson(insurer, "KB-2001"));
            String path = "/dependants/" + insurer.key();
            Axe.assertNoViolations(chromium, "My Portal with the dependant verification due");

            tabTo(element -> hrefEndsWith(element, path));
            enter();
            waitFor(path);
            assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("被扶養者の確認（2026年度）");
            Axe.assertNoViolations(chromium, "the dependant verification form");
            chromium.get(base() + path + "?lang=en");
            Axe.assertNoViolations(chromium, "the dependant verification form in English");
            chromium.get(base() + path + "?lang=ja");

            tabTo(element -> "answer-01-still".equals(element.getAttribute("id")));
            space();
            tabTo(element -> "answer-02-still".equals(element.getAttribute("id")));
            // arrow keys move within a radio group and choose
            new Actions(chromium).sendKeys(Keys.ARROW_DOWN).perform();
            assertThat(chromium.switchTo().activeElement().getAttribute("id")).isEqualTo("answer-02-no");
            tabTo(element -> "note-02".equals(element.getAttribute("id")));
            new Actions(chromium).sendKeys("2026年4月に就職しました").perform();
            tabTo(element -> "submit".equals(element.getAttribute("id")));
            enter();
            new WebDriverWait(chromium, Duration.ofSeconds(10))
                    .until(ExpectedConditions.attributeToBe(By.id("main"), "data-state", "SUBMITTED"));

            assertThat(insurer.received()).hasSize(1);
            assertThat(insurer.received().get(0).path("answers").findValuesAsText("answer"))
                    .containsExactly("STILL_DEPENDANT", "NO_LONGER_DEPENDANT");
            assertThat(chromium.findElement(By.cssSelector(".notice")).getText())
                    .contains("送信しました");
            Axe.assertNoViolations(chromium, "the submitted verification");

            insurer.failing(true);
            chromium.get(base() + path);
            assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("被扶養者の確認を、いま表示できません");
            Axe.assertNoViolations(chromium, "the insurer down");
            chromium.get(base() + path + "?lang=en");
            Axe.assertNoViolations(chromium, "the insurer down, in English");
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

    private void space() {
        new Actions(chromium).sendKeys(Keys.SPACE).perform();
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
