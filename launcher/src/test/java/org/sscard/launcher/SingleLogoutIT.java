package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sscard.common.tls.PlatformTrust;

/**
 * Logout as a kiosk's next person would test it (issue 15, #7), in Debian's headless Chromium with the resident's
 * card in its NSS database, against the whole platform: log in, open every tile of My Portal (the proxied providers
 * and the hospital's SAML hop), log out of My Portal, and then every provider URL asks for a login again — the
 * hospital's session was ended by SAML single logout (auth-service's back channel), not left open. Then the
 * hospital's own logout button: it ends at the same "remove your card" page, and neither the hospital nor My Portal
 * nor auth-service still holds a session.
 *
 * <p>"Asks for a login" is checked with the browser's own cookies (all of them, read over the DevTools protocol)
 * replayed by a plain HTTP client without the card: in Chromium itself the card, still in its reader, would answer
 * the card login at once, which is exactly why the goodbye page says "remove your card".
 */
class SingleLogoutIT {

    @TempDir
    static Path workDir;

    static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        // its own platform: PortalLoginIT, which shares one, stops the hospital in its last test
        platform = RunningPlatform.start(workDir);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void portalLogoutEndsEveryProviderSessionAndTheHospitalsLogoutEndsAtTheRemoveYourCardPage() throws Exception {
        assertThat(CardInChromium.available())
                .as("Debian's chromium, chromium-driver and libnss3-tools (bin/test installs them)")
                .isTrue();
        ChromeDriver chromium = CardInChromium.start(
                workDir.resolve("chromium-home"), platform.caRoot(), platform.card("kamogawa-hanako.p12"), "1111");
        try {
            String portal = platform.portalUrl();
            String records = platform.hospitalUrl() + "/records";
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));

            List<String> opened = logInAndOpenEveryTile(chromium, wait);
            assertThat(opened).contains(records).anyMatch(url -> url.startsWith(portal + "/p/"));
            for (String url : opened) {
                assertThat(replay(chromium, url).loginAsked())
                        .as("before logout the browser's cookies open " + url)
                        .isFalse();
            }

            chromium.get(portal + "/");
            chromium.findElement(By.cssSelector("#logout-form button")).click();
            wait.until(ExpectedConditions.urlToBe(portal + "/logged-out"));
            assertThat(chromium.findElement(By.cssSelector(".card-reminder")).getText())
                    .isEqualTo("カードをお取りください");
            for (String url : opened) {
                Replayed after = replay(chromium, url);
                assertThat(after.loginAsked())
                        .as(url + " after logout: " + after)
                        .isTrue();
                assertThat(after.body()).doesNotContain("P0012345").doesNotContain("鴨川");
            }

            // the hospital's own logout: the same goodbye page, and nothing left open anywhere
            logInAndOpenEveryTile(chromium, wait);
            chromium.get(records);
            wait.until(ExpectedConditions.urlToBe(records));
            chromium.findElement(By.cssSelector("form[action$='logout'] button"))
                    .click();
            wait.until(ExpectedConditions.urlToBe(portal + "/logged-out"));
            assertThat(chromium.findElement(By.cssSelector(".card-reminder")).getText())
                    .isEqualTo("カードをお取りください");
            for (String url : opened) {
                Replayed after = replay(chromium, url);
                assertThat(after.loginAsked())
                        .as(url + " after the hospital's logout: " + after)
                        .isTrue();
            }
            assertThat(replay(chromium, portal + "/").loginAsked())
                    .as("My Portal too")
                    .isTrue();
        } finally {
            chromium.quit();
        }
    }

    /** My Portal after the card login, then every tile's link; the URLs the browser ended on. */
    private static List<String> logInAndOpenEveryTile(ChromeDriver chromium, WebDriverWait wait) {
        String portal = platform.portalUrl();
        chromium.get(portal + "/");
        if (!chromium.getCurrentUrl().equals(portal + "/")) {
            chromium.findElement(By.cssSelector("a.button[href='/oauth2/authorization/sscard']"))
                    .click();
            wait.until(ExpectedConditions.urlToBe(portal + "/"));
        }
        List<String> links = chromium.findElements(By.cssSelector("[data-provider] a.button")).stream()
                .map(link -> link.getDomProperty("href"))
                .toList();
        assertThat(links).isNotEmpty();
        List<String> opened = new ArrayList<>();
        for (String link : links) {
            chromium.get(link);
            wait.until(driver -> !driver.getCurrentUrl().contains("/saml/idp/")
                    && !driver.getCurrentUrl().contains("/login/saml2/"));
            String landed = chromium.getCurrentUrl().replaceAll("\\?continue$", "");
            assertThat(landed).as(link).doesNotEndWith("/login");
            opened.add(landed);
        }
        return opened;
    }

    /** Where a cookie replay of {@code url} stopped: the last URL, its status, its body, whether a login was asked. */
    record Replayed(String url, int status, String body, boolean loginAsked) {
        @Override
        public String toString() {
            return status + " " + url;
        }
    }

    /**
     * GET {@code url} with every cookie the browser holds, following redirects by hand without a card: a login is
     * asked when the chain reaches My Portal's login page or auth-service's card login.
     */
    private static Replayed replay(ChromeDriver chromium, String url) throws Exception {
        Map<String, String> cookies = browserCookies(chromium);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(PlatformTrust.sslContext(platform.caRoot()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI at = URI.create(url);
        for (int hop = 0; hop < 12; hop++) {
            if (at.toString().startsWith(platform.cardLoginUrl())) {
                return new Replayed(at.toString(), 302, "", true);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(at)
                    .header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                boolean portalLogin = at.toString().equals(platform.portalUrl() + "/login");
                return new Replayed(at.toString(), response.statusCode(), response.body(), portalLogin);
            }
            at = at.resolve(location);
        }
        throw new AssertionError("too many redirects from " + url);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> browserCookies(ChromeDriver chromium) {
        Map<String, Object> all = chromium.executeCdpCommand("Network.getAllCookies", Map.of());
        Map<String, String> cookies = new LinkedHashMap<>();
        for (Map<String, Object> cookie : (List<Map<String, Object>>) all.get("cookies")) {
            cookies.put((String) cookie.get("name"), (String) cookie.get("value"));
        }
        return cookies;
    }
}
