package org.sscard.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run inside the page the browser shows: every WCAG 2.0/2.1 A and AA rule (as
 * the launcher's browser tests run it). {@code bin/test} fetches the pinned version from npm into the repository's
 * {@code .tools/axe}; without it the check fails (a page that was not checked proves nothing).
 */
public final class Axe {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path SCRIPT = REPO_DIR.resolve(".tools/axe/node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                .then(result => done(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), targets: ''}]));
            """;

    private Axe() {}

    /** Fails with each violation's rule, impact and elements unless the page has none. */
    public static void assertNoViolations(WebDriver browser, String page) {
        String script;
        try {
            assertThat(SCRIPT)
                    .as("axe-core is missing: bin/test installs it (npm install --prefix .tools/axe axe-core)")
                    .exists();
            script = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script);
        Object result = js.executeAsyncScript(RUN);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        assertThat(violations)
                .as(
                        "axe-core WCAG 2.1 AA violations on %s (%s):%n%s",
                        page,
                        browser.getCurrentUrl(),
                        violations.stream()
                                .map(v -> "  " + v.get("id") + " [" + v.get("impact") + "] " + v.get("help") + " at "
                                        + v.get("targets"))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
