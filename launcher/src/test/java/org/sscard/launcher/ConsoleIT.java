package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' console on the whole platform (issue 17's "done when"), as the people at the counters use it: the
 * city administrator, in Chromium with the staff card, takes a new resident from registration to a working card; the
 * resident logs in with it; the card reported lost stops the login at once, and the reissued card works while the old
 * one stays refused. The insurer's administrator registers the resident as a joiner (the relay's five-item gate links the record), who then joins the insurer's service in My
 * Portal and sees its tile. Staff of other roles get the console's refusal. Ordered: each step builds on the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path workDir;

    static RunningPlatform platform;

    /** The resident this class registers: a new provisional SSN each run, so a shared platform is never confused. */
    static final String SSN = "9" + digits(11);

    static final String KANA = "コンソール タロウ";
    static final String BIRTH = "1961-03-14";
    static String personPath;
    static Path firstCard;
    static Path reissuedCard;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.shared();
        assertThat(CardInChromium.available())
                .as("Debian's chromium, chromium-driver and libnss3-tools (bin/test installs them)")
                .isTrue();
    }

    @Test
    @Order(1)
    void aCityAdministratorRegistersAResidentAndIssuesASoftCardThatLogsIn() throws Exception {
        Path downloads = Files.createDirectories(workDir.resolve("downloads-1"));
        ChromeDriver chromium = cityAdministrator("city-1", downloads);
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            String console = platform.consoleUrl();
            chromium.get(console + "/");
            Axe.assertNoViolations(chromium, "the console's staff entrance");
            chromium.findElement(By.cssSelector("a[href='/oauth2/authorization/sscard']"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/residents"));
            assertThat(chromium.getPageSource()).contains("市役 太一");

            chromium.get(console + "/residents/new");
            Axe.assertNoViolations(chromium, "register a resident");
            chromium.findElement(By.id("nameKana")).sendKeys(KANA);
            chromium.findElement(By.id("nameKanji")).sendKeys("今村 太郎");
            chromium.executeScript("arguments[0].value = '" + BIRTH + "'", chromium.findElement(By.id("dateOfBirth")));
            chromium.findElement(By.id("sex-MALE")).click();
            chromium.findElement(By.id("address")).sendKeys("千葉県鴨川市横渚１００１－１");
            chromium.findElement(By.id("provisionalSsn")).sendKeys(SSN);
            chromium.findElement(By.id("reason")).sendKeys("転入届");
            chromium.findElement(By.id("register")).click();
            wait.until(ExpectedConditions.urlContains("done=registered"));
            personPath = Path.of(java.net.URI.create(chromium.getCurrentUrl()).getPath())
                    .toString();
            assertThat(personPath).matches("/residents/[0-9a-f-]{36}");
            assertThat(chromium.getPageSource())
                    .contains("コンソール")
                    .contains("タロウ")
                    .contains("千葉県鴨川市横渚1001-1");
            Axe.assertNoViolations(chromium, "the resident's page");

            firstCard = issueSoftCard(chromium, wait, console + personPath + "/soft-card", downloads, "2468");
        } finally {
            chromium.quit();
        }
        CardHolderClient resident = new CardHolderClient(firstCard, "2468", platform.caRoot());
        HttpResponse<String> myPortal = resident.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(myPortal.statusCode()).as(myPortal.body()).isEqualTo(200);
        assertThat(myPortal.uri().toString()).isEqualTo(platform.portalUrl() + "/");
        assertThat(myPortal.body()).contains("コンソール");
    }

    @Test
    @Order(2)
    void aCardReportedLostStopsTheLoginAndTheReissuedCardWorksWhileTheOldOneStaysRefused() throws Exception {
        Path downloads = Files.createDirectories(workDir.resolve("downloads-2"));
        ChromeDriver chromium = cityAdministrator("city-2", downloads);
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            String console = platform.consoleUrl();
            logIn(chromium, wait, console);
            chromium.get(console + personPath);
            // the README's picture of the console, from the real platform (copied into docs/images by hand)
            chromium.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            Files.write(
                    Path.of("target", "console-resident.png"),
                    chromium.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            WebElement card = chromium.findElement(By.cssSelector("#cards tr[data-card]"));
            String serial = card.getAttribute("data-card");
            card.findElement(By.cssSelector("a[href$='/suspend']")).click();
            wait.until(ExpectedConditions.urlContains("/suspend"));
            Axe.assertNoViolations(chromium, "suspend a card");
            chromium.findElement(By.id("reason")).sendKeys("紛失の届出");
            chromium.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.urlContains("done=suspended"));
            assertThat(statusOf(chromium, serial)).isEqualTo("SUSPENDED");

            HttpResponse<String> refused = new CardHolderClient(firstCard, "2468", platform.caRoot())
                    .get(platform.portalUrl() + "/oauth2/authorization/sscard");
            assertThat(refused.headers().firstValue("Sscard-Login-Refusal"))
                    .as(refused.body())
                    .isPresent();

            chromium.findElement(By.cssSelector("#cards tr[data-card='" + serial + "'] a[href$='/reissue']"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/reissue"));
            Axe.assertNoViolations(chromium, "reissue a card");
            reissuedCard = typePinsAndDownload(chromium, wait, downloads, "1357");
            chromium.get(console + personPath);
            assertThat(statusOf(chromium, serial)).isEqualTo("REVOKED");
        } finally {
            chromium.quit();
        }
        HttpResponse<String> again = new CardHolderClient(reissuedCard, "1357", platform.caRoot())
                .get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.uri().toString()).isEqualTo(platform.portalUrl() + "/");
        HttpResponse<String> old = new CardHolderClient(firstCard, "2468", platform.caRoot())
                .get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(old.headers().firstValue("Sscard-Login-Refusal")).isPresent();
    }

    @Test
    @Order(3)
    void anInsurerAdministratorRegistersAJoinerTheGateLinksAndTheResidentJoinsTheServiceInMyPortal() throws Exception {
        CardHolderClient resident = new CardHolderClient(reissuedCard, "1357", platform.caRoot());
        String portal = platform.portalUrl();
        String before = resident.get(portal + "/oauth2/authorization/sscard").body();
        assertThat(before).doesNotContain("/join/kameda-kenpo/").doesNotContain("href=\"/p/kameda-kenpo/");

        ChromeDriver chromium = CardInChromium.start(
                workDir.resolve("insurer"), platform.caRoot(), platform.card("admin-kameda-kenpo.p12"), "9002");
        String number = digits(6);
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            String console = platform.consoleUrl();
            logIn(chromium, wait, console);
            wait.until(ExpectedConditions.urlContains("/insurers/kameda-kenpo/members"));
            chromium.get(console + "/insurers/kameda-kenpo/members/new");
            Axe.assertNoViolations(chromium, "register a joiner");
            chromium.findElement(By.id("symbol")).sendKeys("亀田");
            chromium.findElement(By.id("number")).sendKeys(number);
            chromium.findElement(By.id("branch")).sendKeys("00");
            new Select(chromium.findElement(By.id("relationship"))).selectByValue("INSURED");
            // the five items exactly as the city registered them: the relay's gate links the record by itself
            chromium.findElement(By.id("nameKana")).sendKeys(KANA);
            chromium.findElement(By.id("nameKanji")).sendKeys("今村 太郎");
            chromium.executeScript("arguments[0].value = '" + BIRTH + "'", chromium.findElement(By.id("dateOfBirth")));
            new Select(chromium.findElement(By.id("sex"))).selectByValue("MALE");
            chromium.findElement(By.id("address")).sendKeys("千葉県鴨川市横渚1001-1");
            chromium.findElement(By.id("provisionalSsn")).sendKeys(SSN);
            chromium.executeScript("arguments[0].value = '2026-12-01'", chromium.findElement(By.id("acquiredOn")));
            new Select(chromium.findElement(By.id("copayPercent"))).selectByValue("30");
            chromium.findElement(By.id("register-joiner")).click();
            wait.until(ExpectedConditions.urlContains("done=joined"));
            assertThat(chromium.getPageSource())
                    .as("the members list")
                    .contains("コンソール")
                    .contains(number);

            chromium.get(console + "/residents");
            assertThat(chromium.getPageSource())
                    .as("an insurer's administrator has no city screens")
                    .doesNotContain("タロウ")
                    .doesNotContain("provisionalSsn\"");
        } finally {
            chromium.quit();
        }

        // the joiner reaches the relay through the insurer's outbox: one push interval, not at once
        Pattern joinLink = Pattern.compile("href=\"(/join/kameda-kenpo/[a-z-]+)\"");
        String after = new FluentWait<>(resident)
                .withTimeout(Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(500))
                .until(client -> {
                    try {
                        String page = client.get(portal + "/").body();
                        return joinLink.matcher(page).find() ? page : null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
        Matcher join = joinLink.matcher(after);
        assertThat(join.find())
                .as("within 30 s of the joiner's registration: " + after)
                .isTrue();
        String confirm = resident.get(portal + join.group(1)).body();
        HttpResponse<String> joined = resident.post(
                portal + join.group(1), "_csrf=" + URLEncoder.encode(csrf(confirm), StandardCharsets.UTF_8));
        assertThat(joined.uri().toString()).startsWith(portal + "/");
        assertThat(joined.body()).as("the insurer's tile").contains("href=\"/p/kameda-kenpo/");
    }

    @Test
    @Order(4)
    void staffOfOtherRolesGetTheConsolesRefusalAndNothingElse() throws Exception {
        for (Map.Entry<String, String> staff : Map.of(
                        "clerk-kameda-hospital.p12", "9001",
                        "admin-kameda-hospital.p12", "9004")
                .entrySet()) {
            CardHolderClient card =
                    new CardHolderClient(platform.card(staff.getKey()), staff.getValue(), platform.caRoot());
            HttpResponse<String> login = card.get(platform.consoleUrl() + "/oauth2/authorization/sscard");
            assertThat(login.uri().getPath()).as(staff.getKey()).isEqualTo("/refused");
            HttpResponse<String> residents = card.get(platform.consoleUrl() + "/residents");
            assertThat(residents.statusCode()).as(staff.getKey()).isEqualTo(403);
            assertThat(residents.body()).doesNotContain("provisionalSsn");
        }
    }

    private static ChromeDriver cityAdministrator(String home, Path downloads) throws Exception {
        ChromeDriver chromium = CardInChromium.start(
                workDir.resolve(home),
                platform.caRoot(),
                platform.card("admin-city.p12"),
                "9003",
                List.of(),
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        chromium.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return chromium;
    }

    private static void logIn(ChromeDriver chromium, WebDriverWait wait, String console) {
        chromium.get(console + "/");
        chromium.findElement(By.cssSelector("a[href='/oauth2/authorization/sscard']"))
                .click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(console + "/")));
    }

    private static Path issueSoftCard(
            ChromeDriver chromium, WebDriverWait wait, String page, Path downloads, String pin) throws Exception {
        chromium.get(page);
        Axe.assertNoViolations(chromium, "issue a soft card");
        return typePinsAndDownload(chromium, wait, downloads, pin);
    }

    /** The PIN typed twice (the resident at the counter), then the one download of the new card. */
    private static Path typePinsAndDownload(ChromeDriver chromium, WebDriverWait wait, Path downloads, String pin)
            throws Exception {
        chromium.findElement(By.id("pin")).sendKeys(pin);
        chromium.findElement(By.id("pinRepeat")).sendKeys(pin);
        WebElement reason = chromium.findElement(By.id("reason"));
        if (reason.getText().isEmpty()) {
            reason.sendKeys("窓口での交付");
        }
        List<WebElement> issue = chromium.findElements(By.id("issue"));
        (issue.isEmpty() ? chromium.findElement(By.id("submit")) : issue.get(0)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download")));
        Axe.assertNoViolations(chromium, "the new card's download");
        chromium.findElement(By.id("download")).click();
        Path downloaded = new org.openqa.selenium.support.ui.FluentWait<>(downloads)
                .withTimeout(Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(200))
                .withMessage("no card was downloaded to " + downloads)
                .until(ConsoleIT::theOneCard);
        return Files.move(downloaded, downloads.resolve("card-" + pin + ".p12.kept"));
    }

    /** The one complete card in the download folder, or null while Chromium is still writing it. */
    private static Path theOneCard(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> cards =
                    files.filter(file -> file.toString().endsWith(".p12")).toList();
            return cards.size() == 1 && Files.size(cards.get(0)) > 0 ? cards.get(0) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String statusOf(ChromeDriver chromium, String serial) {
        return chromium.findElement(By.cssSelector("#cards tr[data-card='" + serial + "']"))
                .getAttribute("data-status");
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
