package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsflow.OpsflowSpringTest;

/**
 * Tasklist as a Japanese operator's browser shows it: headless Debian Chromium asking for Japanese,
 * logged in as the administrator. Writes {@code target/screenshots/tasklist-ja.png} for people to
 * look at. Skipped where Chromium and its driver are not installed
 * ({@code apt-get install chromium chromium-driver fonts-noto-cjk}; without the fonts the
 * screenshot shows boxes, the assertions still pass).
 */
@Tag("browser")
@OpsflowSpringTest
class TasklistJapaneseScreenshotTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,900", "--lang=ja-JP")
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja"));
        // Debian's driver for Debian's browser; Selenium Manager would try to download one.
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tasklistSpeaksJapaneseUnderOpsflowsNameWithoutTheMigrationBanner() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");

        WebElement submit = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElement(submit, "ログイン"));
        browser.findElement(By.cssSelector("input[type=text]")).sendKeys("admin");
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(OpsflowSpringTest.ADMIN_PASSWORD);
        submit.click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "プロセスを開始"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "フィルターを作成"));
        assertThat(browser.getTitle()).startsWith("opsflow Tasklist");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);

        Path screenshot = Path.of("target", "screenshots", "tasklist-ja.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).isNotEmptyFile();
    }
}
