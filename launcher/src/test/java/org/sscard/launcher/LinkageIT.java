package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Inter-insurer linkage on the whole platform (issue 18's "done when"), as the people involved meet it. 天津 さくら
 * leaves the employer's insurer: its administrator registers the loss in the console, and within seconds her tile is
 * gone from My Portal and the desk says "lost". The city's NHI registers her as a joiner: a record that differs in
 * the address waits in the review queue (and is rejected there), the exact one links by itself, and within seconds the
 * desk says "valid at the NHI, previous coverage lost on …" and the NHI's console shows the previous insurer's
 * notice. Ordered: each step builds on the last. The delivery's crash safety is {@code common}'s LinkageCrashTest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkageIT {

    /** Within how long a change at one insurer must show elsewhere (two poll intervals of 500 ms, and slack). */
    private static final Duration SECONDS = Duration.ofSeconds(15);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String KENPO_ID = "06139999|10|2001|01";
    private static final String RESIDENT = "amatsu-sakura";

    @TempDir
    static Path workDir;

    static RunningPlatform platform;
    static CardHolderClient resident;
    /** The NHI's member number for her (a new one each run, so a shared platform is never confused). */
    static final String NHI_NUMBER = "8" + digits(5);

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.shared();
        assertThat(CardInChromium.available())
                .as("Debian's chromium, chromium-driver and libnss3-tools (bin/test installs them)")
                .isTrue();
        resident = new CardHolderClient(platform.card(RESIDENT + ".p12"), "4444", platform.caRoot());
    }

    @Test
    @Order(1)
    void aLeaverRegisteredAtTheEmployerInsurerShowsInMyPortalAndAtTheDeskWithinSeconds() throws Exception {
        String before = resident.get(platform.portalUrl() + "/oauth2/authorization/sscard")
                .body();
        assertThat(before).as("her employer insurer's tile").contains("href=\"/p/kameda-kenpo/");
        JsonNode valid = deskCheck();
        assertThat(valid.path("outcome").asText()).as(valid.toString()).isEqualTo("VALID");
        assertThat(valid.path("coverage").path("insurerNumber").asText()).isEqualTo("06139999");

        try (InsurerConsole kenpo = InsurerConsole.open(
                platform, workDir.resolve("kenpo"), "admin-kameda-kenpo.p12", "9002", "kameda-kenpo")) {
            kenpo.registerLoss(KENPO_ID, TODAY, "就職による資格喪失");
        }

        myPortalOnceItShows(page -> !page.contains("href=\"/p/kameda-kenpo/"));
        JsonNode lost = deskCheck();
        assertThat(lost.path("outcome").asText()).as(lost.toString()).isEqualTo("LOST");
        assertThat(lost.path("coverage").path("lostOn").asText()).isEqualTo(TODAY.toString());
    }

    @Test
    @Order(2)
    void aNearMissWaitsInTheReviewQueueWhileTheExactRecordLinksByItselfAndTheDeskSeesBoth() throws Exception {
        String nearMiss = "7" + digits(5);
        try (InsurerConsole nhi = InsurerConsole.open(
                platform, workDir.resolve("nhi"), "admin-kamogawa-nhi.p12", "9005", "kamogawa-nhi")) {
            // one digit of the address wrong: four items agree, and that is not enough
            nhi.registerJoiner(sakura(nearMiss, "千葉県鴨川市天津3000-21"));
            String review = nhi.awaitOpenReview("鴨川 " + nearMiss + " 00", SECONDS);
            assertThat(nhi.itemStates(review))
                    .containsExactlyInAnyOrder(
                            "KANA_NAME=AGREES",
                            "KANJI_NAME=AGREES",
                            "DATE_OF_BIRTH=AGREES",
                            "SEX=AGREES",
                            "ADDRESS=DIFFERS");
            JsonNode stillLost = deskCheck();
            assertThat(stillLost.path("outcome").asText())
                    .as("the near miss was not linked: " + stillLost)
                    .isEqualTo("LOST");
            nhi.decide(review, "REJECT", "住所が届出と異なるため別人の可能性あり");

            nhi.registerJoiner(sakura(NHI_NUMBER, "千葉県鴨川市天津3000-12"));
            myPortalOnceItShows(page -> page.contains("/join/kamogawa-nhi/"));

            JsonNode valid = deskCheck();
            assertThat(valid.path("outcome").asText()).as(valid.toString()).isEqualTo("VALID");
            assertThat(valid.path("coverage").path("insurerNumber").asText()).isEqualTo("122382");
            assertThat(valid.path("previousCoverage").path("insurerNameJa").asText())
                    .isEqualTo("亀田健康保険組合");
            assertThat(valid.path("previousCoverage").path("lostOn").asText()).isEqualTo(TODAY.toString());

            String linkage = nhi.awaitLinkagePage("亀田健康保険組合", SECONDS);
            assertThat(linkage)
                    .as("the new insurer learns the previous insurer and the date, never its member number")
                    .doesNotContain("2001 01")
                    .doesNotContain("|2001|");
        }
    }

    private static InsurerConsole.Joiner sakura(String number, String address) {
        return new InsurerConsole.Joiner(
                "鴨川", number, "アマツ サクラ", "天津 さくら", LocalDate.of(1978, 2, 14), "FEMALE", address, "100000000004", TODAY);
    }

    /** My Portal's page for her once it satisfies {@code shows}; fails after {@link #SECONDS}. */
    static String myPortalOnceItShows(Predicate<String> shows) {
        return new FluentWait<>(resident)
                .withTimeout(SECONDS)
                .pollingEvery(Duration.ofMillis(250))
                .withMessage("My Portal did not change within " + SECONDS)
                .until(client -> {
                    try {
                        String page = client.get(platform.portalUrl() + "/").body();
                        return shows.test(page) ? page : null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** The reception desk program's check of her card (the clerk's staff card, PIN on standard input). */
    static JsonNode deskCheck() throws Exception {
        DeskProgram.Run run = DeskProgram.run(
                platform,
                workDir,
                "9001\n",
                "check",
                "--staff-card",
                platform.card("clerk-kameda-hospital.p12").toString(),
                "--card-cert",
                platform.card(RESIDENT + ".pem").toString(),
                "--json");
        assertThat(run.out()).as(run.printed()).startsWith("{");
        return JSON.readTree(run.out());
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
