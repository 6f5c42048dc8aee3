package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hospital reception desk on the whole platform, as the clerk uses it: in Chromium with the staff card, and with
 * the desk program {@code bin/sscard-reception}; every outcome of issue 16 against the demo people; the resident's
 * "who looked at my data"; the rate limit flagged to the hospital administrator; an insurer outage. Ordered: the
 * outage stops insurer-adapters for good, and the rate limit spends the clerk's checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceptionDeskIT {

    /** Small, so that the last test reaches it quickly; the earlier tests stay below it. */
    private static final int MAX_CHECKS = 30;

    private static final String CLERK = "clerk-kameda-hospital.p12";
    private static final String CLERK_PIN = "9001";

    @TempDir
    static Path workDir;

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform =
                RunningPlatform.start(workDir, Map.of("SSCARD_DESK_RATELIMIT_MAXCHECKS", Integer.toString(MAX_CHECKS)));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aClerkChecksAPatientsCardInTheBrowserAndGetsCoverageAndPatientNumber() throws Exception {
        ChromeDriver chromium = CardInChromium.start(
                workDir.resolve("chromium-home"), platform.caRoot(), platform.card(CLERK), CLERK_PIN);
        try {
            String desk = platform.deskUrl();
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            chromium.get(desk + "/");
            Axe.assertNoViolations(chromium, "the staff entrance");
            chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                    .click();
            wait.until(ExpectedConditions.urlToBe(desk + "/desk"));
            assertThat(chromium.findElement(By.cssSelector(".who")).getText()).contains("受付 良子");
            Axe.assertNoViolations(chromium, "the desk");

            chromium.findElement(By.id("certificate"))
                    .sendKeys(platform.card("kamogawa-hanako.pem").toString());
            chromium.findElement(By.id("check-card")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-outcome]")));
            assertThat(chromium.findElement(By.cssSelector("[data-outcome]")).getAttribute("data-outcome"))
                    .isEqualTo("VALID");
            assertThat(chromium.getPageSource())
                    .contains("P0012345")
                    .contains("鴨川市 国民健康保険")
                    .contains("カモガワ ハナコ")
                    .doesNotContain("100000000001");
            Axe.assertNoViolations(chromium, "the answer");

            chromium.get(desk + "/desk?lang=en");
            chromium.findElement(By.id("provisionalSsn")).sendKeys("100000000006");
            // a date input takes keystrokes in the browser's locale order; the value itself is ISO
            chromium.executeScript("arguments[0].value = '1968-05-05'", chromium.findElement(By.id("dateOfBirth")));
            new Select(chromium.findElement(By.id("reason"))).selectByValue("CARD_UNREADABLE");
            chromium.findElement(By.id("check-ssn")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-outcome]")));
            assertThat(chromium.findElement(By.cssSelector("[data-outcome]")).getAttribute("data-outcome"))
                    .isEqualTo("LOST_WITH_NEW_COVERAGE_KNOWN");
            assertThat(chromium.getPageSource())
                    .contains("Kamogawa City National Health Insurance")
                    .contains("P0067890");
        } finally {
            chromium.quit();
        }
    }

    @Test
    @Order(2)
    void theDeskProgramChecksACardAndItsStatementVerifiesOfflineOnlyUnalteredAndForThisHospital() throws Exception {
        Path statement = workDir.resolve("hanako.jws");
        Path jwks = workDir.resolve("desk-jwks.json");
        DeskProgram.Run valid =
                checkCard("kamogawa-hanako", "--save-statement", statement.toString(), "--save-jwks", jwks.toString());
        assertThat(valid.exit()).as(valid.printed()).isZero();
        assertThat(valid.out()).contains("P0012345").contains("鴨川市 国民健康保険");

        DeskProgram.Run verified = verifyStatement(statement, jwks, "kameda-hospital");
        assertThat(verified.exit()).as(verified.printed()).isZero();

        DeskProgram.Run otherHospital = verifyStatement(statement, jwks, "other-hospital");
        assertThat(otherHospital.exit()).as(otherHospital.printed()).isEqualTo(1);

        Path altered = workDir.resolve("altered.jws");
        byte[] bytes = Files.readAllBytes(statement);
        int middle = Files.readString(statement).indexOf('.') + 5;
        bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
        Files.write(altered, bytes);
        DeskProgram.Run tampered = verifyStatement(altered, jwks, "kameda-hospital");
        assertThat(tampered.exit()).as(tampered.printed()).isEqualTo(1);

        DeskProgram.Run expired = verifyStatement(statement, jwks, "kameda-hospital", "--at", "2099-01-01T00:00:00Z");
        assertThat(expired.exit()).as(expired.printed()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void lostCoverageShowsTheDateAndTheNewInsurer() throws Exception {
        DeskProgram.Run lost = checkCard("futomi-ken", "--json");
        assertThat(lost.exit()).as(lost.printed()).isEqualTo(3);
        JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lost.out());
        assertThat(answer.path("outcome").asText()).isEqualTo("LOST_WITH_NEW_COVERAGE_KNOWN");
        assertThat(answer.path("coverage").path("lostOn").asText()).isEqualTo("2026-11-01");
        assertThat(answer.path("newCoverage").path("insurerKey").asText()).isEqualTo("kamogawa-nhi");
        assertThat(answer.path("patientNumber").asText()).isEqualTo("P0067890");
        assertThat(lost.out()).doesNotContain("personalId").doesNotContain("100000000006");
    }

    @Test
    @Order(4)
    void aSuspendedCardIsRefusedInPlainWords() throws Exception {
        DeskProgram.Run refused = checkCard("maehara-kazuko");
        assertThat(refused.exit()).as(refused.printed()).isEqualTo(4);
        assertThat(refused.out() + refused.err()).contains("一時停止").containsIgnoringCase("suspended");
    }

    @Test
    @Order(5)
    void theSsnFallbackAnswersOnlyForTheRightDateOfBirthAndSaysNothingMoreWhenItIsWrong() throws Exception {
        DeskProgram.Run found = checkSsn("\n100000000001\n1958-04-12\n");
        assertThat(found.exit()).as(found.printed()).isZero();
        assertThat(found.out()).contains("P0012345");

        DeskProgram.Run wrongDate = checkSsn("\n100000000001\n1958-04-13\n", "--json");
        DeskProgram.Run unknown = checkSsn("\n199999999999\n1958-04-12\n", "--json");
        assertThat(wrongDate.exit()).as(wrongDate.printed()).isEqualTo(4);
        assertThat(unknown.exit()).as(unknown.printed()).isEqualTo(4);
        JsonNode wrong = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wrongDate.out());
        JsonNode none = new com.fasterxml.jackson.databind.ObjectMapper().readTree(unknown.out());
        assertThat(wrong.path("refusal").asText()).isEqualTo("NOT_MATCHED");
        assertThat(wrong.path("message")).isEqualTo(none.path("message"));
        assertThat(wrong.path("patientNumber").isNull()).isTrue();
    }

    @Test
    @Order(6)
    void aStaffCardAtMyPortalIsToldToUseTheDeskAndAResidentCardCannotEnterTheDesk() throws Exception {
        CardHolderClient clerk = new CardHolderClient(platform.card(CLERK), CLERK_PIN, platform.caRoot());
        HttpResponse<String> atPortal = clerk.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        assertThat(atPortal.headers().firstValue("Sscard-Login-Refusal"))
                .as(atPortal.body())
                .hasValue("STAFF_CARD_AT_RESIDENT_ENTRANCE");
        assertThat(atPortal.body()).contains(platform.deskUrl() + "/");

        CardHolderClient hanako = new CardHolderClient(platform.card("kamogawa-hanako.p12"), "1111", platform.caRoot());
        HttpResponse<String> atDesk = hanako.get(platform.deskUrl() + "/oauth2/authorization/sscard");
        assertThat(atDesk.headers().firstValue("Sscard-Login-Refusal"))
                .as(atDesk.body())
                .hasValue("WRONG_PROFILE");
        assertThat(hanako.get(platform.deskUrl() + "/desk").body()).doesNotContain("id=\"certificate\"");
    }

    @Test
    @Order(7)
    void theResidentSeesEveryDeskCheckInWhoLookedAtMyData() throws Exception {
        CardHolderClient hanako = new CardHolderClient(platform.card("kamogawa-hanako.p12"), "1111", platform.caRoot());
        hanako.get(platform.portalUrl() + "/oauth2/authorization/sscard");
        String log = hanako.get(platform.portalUrl() + "/access-log").body();
        assertThat(log).contains("病院の受付での保険資格の確認").contains("kameda-hospital");
    }

    @Test
    @Order(8)
    void anInsurerOutageEndsAsNotCompletedWithThePaperCardFallback() throws Exception {
        assertThat(platform.stopService("insurer-adapters")).isTrue();
        DeskProgram.Run outage = checkCard("kamogawa-hanako");
        assertThat(outage.exit()).as(outage.printed()).isEqualTo(5);
        assertThat(outage.out()).contains("保険証");
    }

    @Test
    @Order(9)
    void aClerkOverTheRateLimitIsSlowedDownAndFlaggedToTheHospitalAdministrator() throws Exception {
        DeskProgramLogin clerk = DeskProgramLogin.login(platform, CLERK, CLERK_PIN);
        String patient = Files.readString(platform.card("amatsu-ichiro.pem"));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < MAX_CHECKS + 2 && (last == null || last.statusCode() != 429); i++) {
            last = clerk.check(Map.of("method", "CARD", "cardCertificate", patient));
            statuses.add(last.statusCode());
        }
        assertThat(last.statusCode()).as(statuses.toString()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();

        ChromeDriver overLimit = CardInChromium.start(
                workDir.resolve("chromium-clerk-over-limit"), platform.caRoot(), platform.card(CLERK), CLERK_PIN);
        try {
            WebDriverWait wait = new WebDriverWait(overLimit, Duration.ofSeconds(60));
            overLimit.get(platform.deskUrl() + "/oauth2/authorization/sscard");
            wait.until(ExpectedConditions.urlToBe(platform.deskUrl() + "/desk"));
            overLimit
                    .findElement(By.id("certificate"))
                    .sendKeys(platform.card("amatsu-ichiro.pem").toString());
            overLimit.findElement(By.id("check-card")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.error")));
            assertThat(overLimit.findElements(By.cssSelector("[data-outcome]"))).isEmpty();
            Axe.assertNoViolations(overLimit, "the slow-down page");
            overLimit.get(platform.deskUrl() + "/flags");
            assertThat(overLimit.findElements(By.cssSelector("main table")))
                    .as("a clerk is no administrator")
                    .isEmpty();
        } finally {
            overLimit.quit();
        }

        ChromeDriver admin = CardInChromium.start(
                workDir.resolve("chromium-admin"),
                platform.caRoot(),
                platform.card("admin-kameda-hospital.p12"),
                "9004");
        try {
            WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(60));
            admin.get(platform.deskUrl() + "/oauth2/authorization/sscard");
            wait.until(ExpectedConditions.urlToBe(platform.deskUrl() + "/desk"));
            admin.get(platform.deskUrl() + "/flags");
            assertThat(admin.findElement(By.tagName("main")).getText()).contains("受付 良子");
            Axe.assertNoViolations(admin, "the hospital administrator's flags");
        } finally {
            admin.quit();
        }
    }

    private static DeskProgram.Run checkCard(String patient, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "check",
                "--staff-card",
                platform.card(CLERK).toString(),
                "--card-cert",
                platform.card(patient + ".pem").toString()));
        arguments.addAll(List.of(more));
        return DeskProgram.run(platform, workDir, CLERK_PIN + "\n", arguments.toArray(String[]::new));
    }

    /** {@code check-ssn}: the SSN and the date of birth on standard input after the PIN, never on the command line. */
    private static DeskProgram.Run checkSsn(String ssnAndDate, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(
                List.of("check-ssn", "--staff-card", platform.card(CLERK).toString(), "--reason", "CARD_FORGOTTEN"));
        arguments.addAll(List.of(more));
        return DeskProgram.run(platform, workDir, CLERK_PIN + ssnAndDate, arguments.toArray(String[]::new));
    }

    private static DeskProgram.Run verifyStatement(Path statement, Path jwks, String... more) throws Exception {
        List<String> arguments =
                new ArrayList<>(List.of("verify-statement", statement.toString(), "--jwks", jwks.toString()));
        arguments.add("--hospital");
        arguments.addAll(List.of(more));
        return DeskProgram.run(platform, workDir, "", arguments.toArray(String[]::new));
    }
}
