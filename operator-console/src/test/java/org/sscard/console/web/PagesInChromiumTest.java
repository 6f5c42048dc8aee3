package org.sscard.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sscard.console.support.ConsoleTest;
import org.sscard.testsupport.HeadlessChromium;

/**
 * Every screen of the console in Debian's Chromium with axe-core (every WCAG 2.0/2.1 A and AA rule), in Japanese and
 * in English, as the console renders it for its operator (the page and the console's own stylesheet, served as they
 * are: the pages run no script of their own); screenshots go to target/screenshots for a look. {@code bin/test} installs the pinned axe-core into {@code .tools/axe};
 * without it this test fails, as the launcher's do: a page that was not checked proves nothing.
 */
class PagesInChromiumTest extends ConsoleTest {

    private static final Path AXE = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve(".tools/axe/node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                .then(result => done(result.violations.map(v =>
                    v.id + ' [' + v.impact + '] ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(error => done(['axe-error: ' + error]));
            """;

    @Test
    void everyScreenIsFreeOfAxeViolationsInBothLanguagesAndOffersTheSkipLinkFirst() throws Exception {
        assertThat(AXE)
                .as("axe-core is missing: bin/test installs it (npm install --prefix .tools/axe axe-core)")
                .exists();
        Map<String, byte[]> pages = new ConcurrentHashMap<>();
        List<String> names = new ArrayList<>();
        for (PagesTest.Screen screen : PagesTest.screens()) {
            for (String lang : List.of("ja", "en")) {
                allIsWellAgain();
                PagesTest.refusals();
                MockHttpServletRequestBuilder request =
                        screen.request().apply(lang).param("lang", lang).with(csrf());
                if (screen.persona() != null) {
                    request.with(login(screen.persona()));
                }
                String name = "p" + names.size();
                pages.put(
                        "/" + name,
                        mvc.perform(request).andReturn().getResponse().getContentAsByteArray());
                names.add(name + " = " + screen.name() + " (" + lang + ")");
            }
        }
        HttpServer server = serve(pages);
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(HeadlessChromium.DRIVER).toFile())
                        .usingAnyFreePort()
                        .build(),
                new ChromeOptions()
                        .setBinary(HeadlessChromium.BINARY)
                        .addArguments(HeadlessChromium.switches(profile))
                        .addArguments("--window-size=1280,1000"));
        List<String> violations = new ArrayList<>();
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            String axe = Files.readString(AXE);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (int i = 0; i < names.size(); i++) {
                browser.get(base + "/p" + i);
                assertThat(browser.executeScript("return getComputedStyle(document.body).fontSize"))
                        .as("the console's stylesheet is applied on %s", names.get(i))
                        .isEqualTo("20px");
                assertThat(browser.executeScript(
                                "return document.querySelector('a[href], button, input, select, textarea')"
                                        + ".getAttribute('href')"))
                        .as("the first stop of the keyboard on %s", names.get(i))
                        .isEqualTo("#main");
                Files.write(
                        Files.createDirectories(Path.of("target", "screenshots"))
                                .resolve("console-p" + i + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
                browser.executeScript(axe);
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) browser.executeAsyncScript(RUN);
                String page = names.get(i);
                found.forEach(violation -> violations.add(page + ": " + violation));
            }
            assertThat(violations).as("axe-core WCAG 2.1 AA violations").isEmpty();
            // the keyboard starts at the page's own action (autofocus), and the login is one Enter away
            browser.get(base + "/p0");
            assertThat(browser.switchTo().activeElement().getAttribute("href"))
                    .endsWith("/oauth2/authorization/sscard");
            new Actions(browser)
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.TAB)
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertThat(browser.switchTo().activeElement().getTagName()).isIn("a", "button");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    private void allIsWellAgain() {
        PLATFORM.reset();
        org.sscard.console.support.Fixtures.allAnswer(PLATFORM);
    }

    /** The rendered pages and the console's stylesheet, as the console serves them. */
    private static HttpServer serve(Map<String, byte[]> pages) throws IOException {
        byte[] css;
        try (InputStream in = PagesInChromiumTest.class.getResourceAsStream("/static/css/console.css")) {
            css = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/css/console.css")) {
                respond(exchange, "text/css", css);
            } else if (pages.containsKey(path)) {
                respond(exchange, "text/html; charset=UTF-8", pages.get(path));
            } else {
                respond(exchange, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
