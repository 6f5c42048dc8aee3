package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * notice. She sees it all in My Portal, joins the NHI, and says "this is not me" about the NHI's link: at once no
 * tile, no proxied page, no desk look-up through it, until the NHI's administrator reinstates it after a check.
 * Ordered: each step builds on the last. The delivery's crash safety is {@code common}'s LinkageCrashTest.
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

    @Test
    @Order(3)
    void theResidentSeesTheChangeJoinsTheNewInsurerAndHerThisIsNotMeStopsTheLinkAtOnce() throws Exception {
        String portal = platform.portalUrl();
        String home = resident.get(portal + "/").body();
        assertThat(home).as("My Portal's notice").contains("健康保険が変わりました").contains("亀田健康保険組合");
        // the notice's own join buttons (the consent flow's pages)
        Matcher join = Pattern.compile("href=\"(/join/kamogawa-nhi/[a-z-]+)\"")
                .matcher(home.substring(home.indexOf("健康保険が変わりました")));
        assertThat(join.find()).as(home).isTrue();
        String confirm = resident.get(portal + join.group(1)).body();
        HttpResponse<String> joined = resident.post(portal + join.group(1), "_csrf=" + encode(csrf(confirm)));
        assertThat(joined.body()).as("the new insurer's tile").contains("href=\"/p/kamogawa-nhi/");

        String whoLooked = resident.get(portal + "/access-log").body();
        assertThat(whoLooked)
                .as("who looked at my data, in words")
                .contains("あなたの資格喪失を登録しました")
                .contains("結び付けました（5項目一致）")
                .contains("前の保険の喪失日を伝えました")
                .doesNotContain("COVERAGE_LOST_REGISTERED")
                .doesNotContain("MEMBER_LINKED");

        String links = resident.get(portal + "/links").body();
        Matcher nhi = Pattern.compile(
                        "data-mapping=\"([0-9a-f-]{36})\" data-state=\"ACTIVE\" data-provider=\"kamogawa-nhi\"")
                .matcher(links);
        assertThat(nhi.find()).as(links).isTrue();
        String notMe = portal + "/links/" + nhi.group(1) + "/not-me";
        HttpResponse<String> stopped = resident.post(
                notMe, "_csrf=" + encode(csrf(resident.get(notMe).body())) + "&reason=" + encode("この番号に覚えがありません"));
        assertThat(stopped.uri().getPath()).isEqualTo("/links");
        assertThat(stopped.body()).contains("data-state=\"UNDER_REVIEW\" data-provider=\"kamogawa-nhi\"");

        // at once, not after a poll interval or a token's lifetime
        assertThat(resident.get(portal + "/").body()).doesNotContain("href=\"/p/kamogawa-nhi/");
        assertThat(resident.get(portal + "/p/kamogawa-nhi/eligibility").statusCode())
                .isEqualTo(403);
        JsonNode desk = deskCheck();
        assertThat(desk.path("outcome").asText())
                .as("the desk no longer finds the NHI through the suspended link: " + desk)
                .isEqualTo("LOST");

        try (InsurerConsole nhiAdmin = InsurerConsole.open(
                platform, workDir.resolve("nhi-dispute"), "admin-kamogawa-nhi.p12", "9005", "kamogawa-nhi")) {
            String review = nhiAdmin.awaitOpenReview("鴨川 " + NHI_NUMBER + " 00", SECONDS);
            nhiAdmin.decide(review, "REINSTATE", "本人に電話で確認し、本人の記録と確認した");
        }
        String restored = resident.get(portal + "/links").body();
        assertThat(restored)
                .contains("data-mapping=\"" + nhi.group(1) + "\" data-state=\"ACTIVE\" data-provider=\"kamogawa-nhi\"")
                .contains("元に戻しました");
        assertThat(resident.get(portal + "/").body()).contains("href=\"/p/kamogawa-nhi/");
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

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
