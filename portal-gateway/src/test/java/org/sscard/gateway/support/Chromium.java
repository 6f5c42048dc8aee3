package org.sscard.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.sscard.testsupport.HeadlessChromium;

/**
 * Debian's headless Chromium through Debian's chromedriver (never a downloaded browser: Selenium Manager is not
 * asked), with a fresh profile and the browser console kept for the test to read.
 */
public final class Chromium {

    private Chromium() {}

    public static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("sscard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(HeadlessChromium.BINARY)
                .addArguments(HeadlessChromium.switches(profile))
                .addArguments(
                        "--window-size=1280,1024",
                        // the idle-logout test runs on the page's own timers: no throttling of a window Chromium thinks
                        // hidden, and no QUIC attempts on this closed network
                        "--disable-background-timer-throttling",
                        "--disable-renderer-backgrounding",
                        "--disable-backgrounding-occluded-windows",
                        "--disable-quic");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(HeadlessChromium.DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    public static boolean available() {
        return HeadlessChromium.available();
    }
}
