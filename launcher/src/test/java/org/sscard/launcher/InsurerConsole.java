package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An insurer's administrator at the operators' console, in Chromium with their staff card: the linkage screens
 * (loss of coverage, joiners, the review queue, the linkage page), axe-core on every page they open.
 */
final class InsurerConsole implements AutoCloseable {

    /** A joiner's form as the administrator fills it in from the 資格取得届. */
    record Joiner(
            String symbol,
            String number,
            String nameKana,
            String nameKanji,
            LocalDate dateOfBirth,
            String sex,
            String address,
            String provisionalSsn,
            LocalDate acquiredOn) {}

    private final ChromeDriver chromium;
    private final WebDriverWait wait;
    private final String console;
    private final String organisation;

    private InsurerConsole(ChromeDriver chromium, String console, String organisation) {
        this.chromium = chromium;
        this.wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
        this.console = console;
        this.organisation = organisation;
    }

    /** Logged in with the administrator's staff card (PKCS#12 and PIN) of {@code organisation}. */
    static InsurerConsole open(RunningPlatform platform, Path home, String card, String pin, String organisation)
            throws Exception {
        ChromeDriver chromium = CardInChromium.start(home, platform.caRoot(), platform.card(card), pin);
        InsurerConsole console = new InsurerConsole(chromium, platform.consoleUrl(), organisation);
        chromium.get(platform.consoleUrl() + "/oauth2/authorization/sscard");
        console.wait.until(ExpectedConditions.urlContains("/insurers/" + organisation + "/members"));
        return console;
    }

    void registerLoss(String localId, LocalDate lostOn, String reason) {
        chromium.get(base() + "/members/loss?member="
                + java.net.URLEncoder.encode(localId, java.nio.charset.StandardCharsets.UTF_8));
        Axe.assertNoViolations(chromium, "register loss of coverage");
        date("lostOn", lostOn);
        chromium.findElement(By.id("reason")).sendKeys(reason);
        chromium.findElement(By.id("register-loss")).click();
        wait.until(ExpectedConditions.urlContains("done=lossRegistered"));
    }

    void registerJoiner(Joiner joiner) {
        chromium.get(base() + "/members/new");
        Axe.assertNoViolations(chromium, "register a joiner");
        chromium.findElement(By.id("symbol")).sendKeys(joiner.symbol());
        chromium.findElement(By.id("number")).sendKeys(joiner.number());
        chromium.findElement(By.id("branch")).sendKeys("00");
        new Select(chromium.findElement(By.id("relationship"))).selectByValue("INSURED");
        chromium.findElement(By.id("nameKana")).sendKeys(joiner.nameKana());
        chromium.findElement(By.id("nameKanji")).sendKeys(joiner.nameKanji());
        date("dateOfBirth", joiner.dateOfBirth());
        new Select(chromium.findElement(By.id("sex"))).selectByValue(joiner.sex());
        chromium.findElement(By.id("address")).sendKeys(joiner.address());
        chromium.findElement(By.id("provisionalSsn")).sendKeys(joiner.provisionalSsn());
        date("acquiredOn", joiner.acquiredOn());
        new Select(chromium.findElement(By.id("copayPercent"))).selectByValue("30");
        chromium.findElement(By.id("register-joiner")).click();
        wait.until(ExpectedConditions.urlContains("done=joined"));
    }

    /**
     * The open review of the record with this card number ("symbol number branch"), once the relay has opened it:
     * its detail page's address. Polls the queue for up to {@code within}.
     */
    String awaitOpenReview(String cardNumber, Duration within) {
        String detail = new WebDriverWait(chromium, within, Duration.ofMillis(500)).until(driver -> {
            driver.get(base() + "/link-reviews?status=OPEN");
            for (WebElement row : driver.findElements(By.cssSelector("#reviews tbody tr"))) {
                if (row.findElement(By.tagName("th")).getText().equals(cardNumber)) {
                    return row.findElement(By.tagName("a")).getAttribute("href");
                }
            }
            return null;
        });
        Axe.assertNoViolations(chromium, "the review queue");
        return detail;
    }

    /** The detail page: each of the five items with its state (AGREES, DIFFERS, MISSING), in table order. */
    List<String> itemStates(String detail) {
        chromium.get(detail);
        Axe.assertNoViolations(chromium, "a review's five items side by side");
        return chromium.findElements(By.cssSelector("#compare tbody tr")).stream()
                .map(row -> row.getAttribute("data-item") + "=" + row.getAttribute("data-state"))
                .toList();
    }

    /** Decides on the open review; LINK and CONFIRM_NOT_THEIRS pass the confirmation page first. */
    void decide(String detail, String decision, String reason) {
        chromium.get(detail);
        chromium.findElement(By.id("decision-" + decision)).click();
        chromium.findElement(By.id("reason")).sendKeys(reason);
        chromium.findElement(By.id("decide")).click();
        if (decision.equals("LINK") || decision.equals("CONFIRM_NOT_THEIRS")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
            Axe.assertNoViolations(chromium, "confirm a review decision");
            chromium.findElement(By.id("confirm")).click();
        }
        wait.until(ExpectedConditions.urlContains("/link-reviews?status=OPEN"));
        assertThat(chromium.getPageSource()).doesNotContain(detail.substring(detail.lastIndexOf('/') + 1));
    }

    /** The linkage page's text once it shows {@code expected} (polled for up to {@code within}). */
    String awaitLinkagePage(String expected, Duration within) {
        String text = new WebDriverWait(chromium, within, Duration.ofMillis(500)).until(driver -> {
            driver.get(base() + "/linkage");
            String main = driver.findElement(By.tagName("main")).getText();
            return main.contains(expected) ? main : null;
        });
        Axe.assertNoViolations(chromium, "the linkage page");
        return text;
    }

    private void date(String id, LocalDate value) {
        chromium.executeScript("arguments[0].value = '" + value + "'", chromium.findElement(By.id(id)));
    }

    private String base() {
        return console + "/insurers/" + organisation;
    }

    @Override
    public void close() {
        chromium.quit();
    }
}
