package org.sscard.adapters.insurer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Tokens;
import org.sscard.testsupport.HeadlessChromium;

/**
 * The pages in Debian's Chromium, as the gateway serves them: the bearer token on every request (set through the
 * DevTools protocol, as the gateway's proxy would add it), large type and high contrast as rendered, and the
 * relative links followed by the browser. Screenshots go to target/screenshots for a look.
 */
class PagesInBrowserTest extends AdaptersTest {

    private static final String SABURO = "122382|鴨川|9801|00";

    @Autowired
    Importer importer;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        importer.run(
                "kamogawa-nhi",
                "notices",
                csv(
                        UTF_8,
                        "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share",
                        "122382,鴨川,9801,00,2024-06,亀田総合病院,外来,2,12000,3600",
                        "122382,鴨川,9801,00,2025-02,鴨川中央薬局,調剤,1,5000,1500"),
                "b.csv",
                null,
                "test",
                ImportProgress.NONE);
        importer.run(
                "kamogawa-nhi",
                "checkups",
                csv(
                        UTF_8,
                        "insurer_number,symbol,number,branch,checked_on,program,"
                                + "item_code,item_name_ja,item_name_en,value,unit,ref_low,ref_high",
                        "122382,鴨川,9801,00,2023-06-12,特定健診,SBP,収縮期血圧,Systolic blood pressure,124,mmHg,,129",
                        "122382,鴨川,9801,00,2024-06-10,特定健診,SBP,収縮期血圧,Systolic blood pressure,131,mmHg,,129",
                        "122382,鴨川,9801,00,2024-06-17,がん検診,FOBT,大腸がん検診,Colorectal screening,陰性,,,"),
                "c.csv",
                null,
                "test",
                ImportProgress.NONE);
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(HeadlessChromium.BINARY)
                .addArguments(HeadlessChromium.switches(profile))
                .addArguments("--window-size=1280,1000");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Path.of(HeadlessChromium.DRIVER).toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Bearer " + Tokens.person(SABURO, "kamogawa-nhi"))));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theNoticesPageIsLargeHighContrastAndItsRelativeLinksWork() throws IOException {
        browser.get("http://localhost:" + port + "/kamogawa-nhi/notices");
        screenshot("notices");

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("医療費のお知らせ");
        Object fontSize = browser.executeScript("return parseFloat(getComputedStyle(document.body).fontSize)");
        assertThat(((Number) fontSize).doubleValue()).isGreaterThanOrEqualTo(20);
        assertThat(browser.executeScript("return getComputedStyle(document.body).color"))
                .isEqualTo("rgb(0, 0, 0)");
        assertThat(browser.findElement(By.cssSelector("tfoot .total")).getText())
                .isEqualTo("1,500円");

        browser.findElement(By.linkText("令和6年（2024年）")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/kamogawa-nhi/notices?year=2024");
        assertThat(browser.findElement(By.cssSelector("tfoot .total")).getText())
                .isEqualTo("3,600円");

        browser.findElement(By.partialLinkText("健診結果")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/kamogawa-nhi/checkups");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("健診結果");
        assertThat(browser.findElement(By.cssSelector("table.trends")).getText())
                .contains("124")
                .contains("131 ↑");
        assertThat(browser.findElement(By.cssSelector("tr.flagged")).getText()).contains("131");
        screenshot("checkups");
    }
}
