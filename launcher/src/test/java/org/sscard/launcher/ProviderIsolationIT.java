package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each service on its own origin, and proxied providers isolated from the portal and from each other (issue 15,
 * finding 4), in Debian's headless Chromium against the whole platform as {@code bin/run} starts it: 鴨川 花子 with
 * her demo card (city NHI, pension office, hospital). The portal's idle limit is short here (40 s) so that the idle
 * logout can be waited for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderIsolationIT {

    private static final Duration IDLE = Duration.ofSeconds(40);

    @TempDir
    static Path workDir;

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        assertThat(CardInChromium.available())
                .as("Debian's chromium, chromium-driver and libnss3-tools (bin/test installs them)")
                .isTrue();
        platform = RunningPlatform.start(
                workDir,
                Map.of("SSCARD_PORTAL_SESSION_IDLE", IDLE.toSeconds() + "s", "SSCARD_PORTAL_IDLEWARNING", "10s"));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * Chromium's own record of every request it sent, cookies included (net log, sensitive capture): the hospital
     * (reached by the browser itself, SAML) and the insurers get neither the portal's nor auth-service's session
     * cookie. On one shared host name they got both (cookies ignore ports).
     */
    @Test
    @Order(1)
    void noRequestReachingAProviderCarriesThePortalsOrAuthServicesCookie() throws Exception {
        Path netLog = workDir.resolve("net-log-" + System.nanoTime() + ".json");
        ChromeDriver chromium =
                chromium(List.of("--log-net-log=" + netLog, "--net-log-capture-mode=IncludeSensitive"), Map.of());
        try {
            logIn(chromium);
            String portal = platform.portalUrl();
            chromium.findElement(By.cssSelector("[data-provider='kamogawa-nhi'] a[href='/p/kamogawa-nhi/notices']"))
                    .click();
            wait(chromium).until(ExpectedConditions.urlToBe(portal + "/p/kamogawa-nhi/notices"));
            chromium.get(portal + "/");
            chromium.findElement(By.cssSelector("[data-provider='kameda-hospital'] a.button"))
                    .click();
            // SP-initiated: back on the page first asked for (Spring's saved request marks it with ?continue)
            wait(chromium)
                    .until(ExpectedConditions.urlMatches(
                            "^" + Pattern.quote(platform.hospitalUrl() + "/records") + "(\\?continue)?$"));
            assertThat(chromium.getPageSource()).contains("P0012345");
        } finally {
            chromium.quit(); // Chromium writes the rest of its net log as it closes
        }
        List<SentRequest> sent = SentRequest.readAll(Files.readString(netLog));
        String portalHost = URI.create(platform.portalUrl()).getAuthority();
        String authHost = URI.create(platform.authUrl()).getAuthority();
        String hospitalHost = URI.create(platform.hospitalUrl()).getAuthority();
        assertThat(sent)
                .as("the net log holds cookies: the portal's own requests carry its session")
                .anyMatch(request -> request.authority().equals(portalHost)
                        && request.cookie().contains("__Host-SSCARD_PORTAL="))
                .as("and auth-service's carry its own")
                .anyMatch(request ->
                        request.authority().equals(authHost) && request.cookie().contains("__Host-SSCARD_AUTH="));
        List<SentRequest> toProviders = sent.stream()
                .filter(request -> !request.authority().startsWith("portal.")
                        && !request.authority().startsWith("auth."))
                .toList();
        assertThat(toProviders)
                .as("requests the browser sent to the hospital")
                .anyMatch(request -> request.authority().equals(hospitalHost));
        assertThat(toProviders)
                .allSatisfy(request -> assertThat(request.cookie())
                        .as("cookies sent to %s", request.authority())
                        .doesNotContain("SSCARD_PORTAL")
                        .doesNotContain("SSCARD_AUTH"));
    }

    /**
     * A proxied page runs with an opaque origin (CSP sandbox): its script's fetch of another provider's API through
     * the gateway neither carries the resident's session nor can be read, while the same fetch from the portal's own
     * page (the origin proxied pages used to share) reads the pension record. The page still has its stylesheet
     * and its year links and PDF download still work.
     */
    @Test
    @Order(2)
    void aProxiedPagesScriptCannotReadAnotherProvidersApiThroughTheGateway() throws Exception {
        Path downloads = Files.createDirectories(workDir.resolve("downloads-" + System.nanoTime()));
        ChromeDriver chromium = chromium(
                List.of(),
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "plugins.always_open_pdf_externally", true));
        try {
            logIn(chromium);
            String portal = platform.portalUrl();
            String otherProvidersApi = "/p/pension-office/api/v1/pension";
            assertThat(fetchFromPage(chromium, otherProvidersApi))
                    .as("the portal's own page (the gateway's origin) may read it")
                    .startsWith("READ 200");

            chromium.get(portal + "/p/kamogawa-nhi/notices");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).contains("医療費のお知らせ");
            assertThat(chromium.executeScript("return window.origin")).isEqualTo("null");
            assertThat(fetchFromPage(chromium, otherProvidersApi)).startsWith("BLOCKED");
            assertThat(fetchFromPage(chromium, "/p/kamogawa-nhi/api/v1/notices"))
                    .as("nor its own API by script: only navigations carry the session")
                    .startsWith("BLOCKED");
            assertThat(fetchFromPage(chromium, "/")).as("nor the portal's page").startsWith("BLOCKED");
            assertThat(chromium.executeScript("return getComputedStyle(document.documentElement).fontSize"))
                    .as("the provider's stylesheet (assets/site.css) still applies")
                    .isEqualTo("22px");

            chromium.findElement(By.cssSelector("nav.years a")).click();
            wait(chromium).until(ExpectedConditions.urlContains("/p/kamogawa-nhi/notices?year="));
            chromium.findElement(By.cssSelector("p.actions a.button")).click();
            wait(chromium).until(driver -> pdfIn(downloads));
        } finally {
            chromium.quit();
        }
    }

    /**
     * What a resident does from a proxied page still works under the sandbox: {@code ?lang=en} on a proxied URL
     * switches the portal's language, logout from My Portal ends the session for the proxied paths too, and after
     * the idle limit spent on a proxied page the next link asks for a login again.
     */
    @Test
    @Order(3)
    void onAProxiedPageTheLanguageSwitchLogoutAndIdleLogoutStillWork() throws Exception {
        ChromeDriver chromium = chromium(List.of(), Map.of());
        try {
            String portal = platform.portalUrl();
            logIn(chromium);
            chromium.get(portal + "/p/kamogawa-nhi/eligibility?lang=en");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).contains("eligibility");
            chromium.get(portal + "/");
            assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");

            chromium.get(portal + "/p/kamogawa-nhi/notices");
            chromium.get(portal + "/");
            chromium.findElement(By.cssSelector("#logout-form button")).click();
            wait(chromium).until(ExpectedConditions.urlToBe(portal + "/logged-out"));
            chromium.get(portal + "/p/kamogawa-nhi/notices");
            assertThat(chromium.getCurrentUrl()).isEqualTo(portal + "/login");

            logIn(chromium);
            chromium.get(portal + "/p/kamogawa-nhi/notices");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).contains("医療費のお知らせ");
            Thread.sleep(IDLE.plusSeconds(10).toMillis()); // the resident reads, and walks away
            chromium.findElement(By.cssSelector("header.site nav a[href='eligibility']"))
                    .click();
            wait(chromium).until(ExpectedConditions.urlToBe(portal + "/login"));
        } finally {
            chromium.quit();
        }
    }

    private ChromeDriver chromium(List<String> switches, Map<String, Object> preferences) throws Exception {
        return CardInChromium.start(
                workDir.resolve("chromium-" + System.nanoTime()),
                platform.caRoot(),
                platform.card("kamogawa-hanako.p12"),
                "1111",
                switches,
                preferences);
    }

    private static void logIn(ChromeDriver chromium) {
        String portal = platform.portalUrl();
        chromium.get(portal + "/");
        if (!chromium.getCurrentUrl().equals(portal + "/")) {
            chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                    .click();
            wait(chromium).until(ExpectedConditions.urlToBe(portal + "/"));
        }
        assertThat(chromium.findElement(By.cssSelector(".who .name")).getText()).contains("カモガワ");
    }

    /**
     * What the page's own script gets: "READ <status> <body…>", or "BLOCKED <error>" when the answer cannot be read
     * (a cross-origin answer without CORS headers, redirects followed).
     */
    private static String fetchFromPage(ChromeDriver chromium, String path) {
        return String.valueOf(chromium.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'include'})
                  .then(function (r) { return r.text().then(function (t) {
                    done('READ ' + r.status + ' ' + t.slice(0, 200)); }); })
                  .catch(function (e) { done('BLOCKED ' + e); });
                """, path));
    }

    private static boolean pdfIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".pdf")).anyMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .equals("%PDF-");
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    private static WebDriverWait wait(ChromeDriver chromium) {
        return new WebDriverWait(chromium, Duration.ofSeconds(60));
    }

    /** One request as Chromium's net log shows its headers (HTTP/1.1 or HTTP/2). */
    record SentRequest(String authority, String cookie) {

        private static final Pattern HEADERS = Pattern.compile("\"headers\":\\[(.*?)\\]");
        private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

        static List<SentRequest> readAll(String netLog) {
            List<SentRequest> requests = new ArrayList<>();
            Matcher headers = HEADERS.matcher(netLog);
            while (headers.find()) {
                String authority = null;
                StringBuilder cookie = new StringBuilder();
                Matcher line = STRING.matcher(headers.group(1));
                while (line.find()) {
                    String header = line.group(1);
                    String name = header.contains(":")
                            ? header.substring(0, header.indexOf(':', header.startsWith(":") ? 1 : 0))
                                    .toLowerCase(Locale.ROOT)
                            : "";
                    String value = header.substring(Math.min(header.length(), name.length() + 1))
                            .strip();
                    if (name.equals("host") || name.equals(":authority")) {
                        authority = value;
                    } else if (name.equals("cookie")) {
                        cookie.append(value).append("; ");
                    }
                }
                if (authority != null) {
                    requests.add(new SentRequest(authority.toLowerCase(Locale.ROOT), cookie.toString()));
                }
            }
            return requests;
        }
    }
}
