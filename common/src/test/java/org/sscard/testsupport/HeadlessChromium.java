package org.sscard.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium as every browser test here starts it (never a downloaded browser: Selenium Manager is
 * not asked). No Selenium in this class: each module builds its {@code ChromeOptions} from these, adding its own.
 */
public final class HeadlessChromium {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {}

    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
    }

    /** What Chromium needs on this machine (as root, no GPU, nothing fetched by itself), with a fresh profile. */
    public static List<String> switches(Path profile) {
        return List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
    }

    /**
     * The preference that presents the client certificate (the card) to every {@code https://*.localhost} host,
     * whatever the port, without asking: headless Chromium has no picker and would wait forever.
     */
    public static Map<String, Object> autoSelectCertificate() {
        return Map.of(
                "profile.content_settings.exceptions.auto_select_certificate",
                Map.of("https://[*.]localhost,*", Map.of("setting", Map.of("filters", List.of(Map.of())))));
    }
}
