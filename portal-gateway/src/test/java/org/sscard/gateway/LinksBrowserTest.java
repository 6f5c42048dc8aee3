package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.sscard.gateway.support.RelayLinkage;
import org.sscard.gateway.support.RelayLinkage.Resident;
import org.sscard.gateway.support.StandInProvider;
import org.sscard.testsupport.RelayFixture;

/**
 * "Linked services" and "this is not me" in Debian's headless Chromium, by keyboard only (Tab, Enter), with
 * axe-core's WCAG 2.1 AA rules on every page on the way: My Portal with the change-of-insurer notice and then with
 * a link under review, the links page, the confirmation page, the notice after it and the refusal page, in Japanese
 * and in English. The CSP must not be violated.
 */
class LinksBrowserTest extends GatewayTest {

    private static final RelayLinkage LINKAGE = new RelayLinkage(RELAY);

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
    void saysThisIsNotMeByKeyboardOnPagesWithoutAccessibilityViolations() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Resident resident = LINKAGE.resident("キーボード ツナガリ", "鍵盤 繋", "千葉県鴨川市東町100");
        UUID person = resident.id();
        String kenpoNumber = RelayLinkage.newNumber();
        LINKAGE.mapInsurer(person, "kameda-kenpo", "06139999", kenpoNumber, today.minusYears(2));
        LINKAGE.push(
                "kameda-kenpo",
                RelayLinkage.memberLeft("kameda-kenpo", "06139999|10|" + kenpoNumber + "|00", today.minusDays(5)));
        LINKAGE.push(
                "kamogawa-nhi",
                RelayLinkage.memberJoined(
                        "kamogawa-nhi", "122382", RelayLinkage.newNumber(), today.minusDays(5), resident));
        try (StandInProvider provider = new StandInProvider(RelayFixture.newKey("kblink"))) {
            RELAY.registerProvider(provider.key(), "PROXY", provider.baseUrl(), "notices", "/notices");
            UUID mapping = RELAY.mapLocalNumber(person, provider.key(), "KL-0001");
            RELAY.subscribe(person, provider.key(), "notices");
            logIn(person);
            assertThat(chromium.findElement(By.cssSelector(".coverage")).getText())
                    .contains("亀田健康保険組合の資格は");
            Axe.assertNoViolations(chromium, "My Portal with the change-of-insurer notice");

            tabTo(element ->
                    hrefEndsWith(element, "/links") && !element.getText().equals("つながり"));
            enter();
            waitFor("/links");
            Axe.assertNoViolations(chromium, "linked services");
            chromium.get(base() + "/links?lang=en");
            Axe.assertNoViolations(chromium, "linked services in English");
            chromium.get(base() + "/links?lang=ja");

            tabTo(element -> hrefEndsWith(element, "/links/" + mapping + "/not-me"));
            enter();
            waitFor("/links/" + mapping + "/not-me");
            Axe.assertNoViolations(chromium, "the confirmation");
            chromium.get(base() + "/links/" + mapping + "/not-me?lang=en");
            Axe.assertNoViolations(chromium, "the confirmation in English");
            chromium.get(base() + "/links/" + mapping + "/not-me?lang=ja");
            tabTo(element -> "confirm".equals(element.getAttribute("id")));
            enter();
            waitFor("/links");
            assertThat(chromium.findElement(By.cssSelector(".notice")).getText())
                    .contains("とのつながりを止めました");
            assertThat(chromium.findElement(By.cssSelector("[data-mapping='" + mapping + "']"))
                            .getAttribute("data-state"))
                    .isEqualTo("UNDER_REVIEW");
            Axe.assertNoViolations(chromium, "linked services with the notice and a link under review");

            tabTo(element -> "/".equals(element.getAttribute("pathname"))
                    && element.getAttribute("class") != null
                    && element.getAttribute("class").contains("button"));
            enter();
            waitFor("/");
            assertThat(chromium.findElements(By.cssSelector("[data-provider='" + provider.key() + "'][data-state]")))
                    .isEmpty();
            assertThat(chromium.findElement(By.cssSelector(".under-review")).getText())
                    .contains("確認中のつながりがあります");
            Axe.assertNoViolations(chromium, "My Portal with a link under review");

            chromium.get(base() + "/links/" + UUID.randomUUID() + "/not-me?lang=ja");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("このつながりは見つかりません");
            Axe.assertNoViolations(chromium, "the refusal page");
            chromium.get(base() + "/links/" + UUID.randomUUID() + "/not-me?lang=en");
            Axe.assertNoViolations(chromium, "the refusal page in English");
            tabTo(element -> hrefEndsWith(element, "/links")
                    && element.getAttribute("class") != null
                    && element.getAttribute("class").contains("button"));
            enter();
            waitFor("/links");
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
