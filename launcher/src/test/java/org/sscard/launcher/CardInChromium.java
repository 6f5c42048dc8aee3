package org.sscard.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sscard.testsupport.HeadlessChromium;

/**
 * Debian's headless Chromium holding a demo card: a throwaway HOME whose NSS database trusts the platform CA and
 * holds the card (certutil, pk12util), and a rule that picks it for every *.localhost host without asking (a picker would
 * wait forever headless).
 */
final class CardInChromium {

    private CardInChromium() {}

    static boolean available() {
        return HeadlessChromium.available()
                && List.of("/usr/bin/certutil", "/usr/bin/pk12util").stream()
                        .allMatch(tool -> Files.isExecutable(Path.of(tool)));
    }

    static ChromeDriver start(Path home, Path caRoot, Path card, String pin) throws IOException, InterruptedException {
        return start(home, caRoot, card, pin, List.of(), Map.of());
    }

    /** With further command-line switches and preferences (e.g. a net log, a download folder). */
    static ChromeDriver start(
            Path home, Path caRoot, Path card, String pin, List<String> switches, Map<String, Object> preferences)
            throws IOException, InterruptedException {
        Path nss = Files.createDirectories(home.resolve(".pki/nssdb"));
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "sscard-root", "-t", "C,,", "-i", caRoot.toString());
        run("pk12util", "-i", card.toString(), "-d", "sql:" + nss, "-W", pin);
        ChromeOptions options = new ChromeOptions()
                .setBinary(HeadlessChromium.BINARY)
                .addArguments(HeadlessChromium.switches(Files.createDirectories(home.resolve("profile"))))
                .addArguments(switches);
        Map<String, Object> prefs = new HashMap<>(preferences);
        prefs.putAll(HeadlessChromium.autoSelectCertificate());
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(HeadlessChromium.DRIVER).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString()))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
