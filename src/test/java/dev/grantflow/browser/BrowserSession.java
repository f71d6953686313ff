package dev.grantflow.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven by Debian's ChromeDriver, with the waits and steps the browser tests share.
 * The driver and browser paths are set explicitly, so Selenium Manager never downloads anything.
 */
final class BrowserSession implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private BrowserSession(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Starts ChromeDriver and a headless Chromium with a fresh profile, sized 1280x800. */
    static BrowserSession start(String baseUrl) throws IOException {
        Path profile = Files.createTempDirectory("grantflow-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(service, options);
        // Sets the viewport itself, so that screenshots are 1280x800 whatever part of the window the page gets.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new BrowserSession(baseUrl, profile, service, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the application, relative to its root, and waits for Vaadin to render a view. */
    void open(String path) {
        driver.get(baseUrl + "/" + path);
        awaitVaadin();
    }

    /** Ends the session by dropping its cookie, which is quicker than the sign-out button. */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** Signs out whoever is signed in, then signs in with the local form. */
    void signIn(String email, String password) {
        signOut();
        open("login");
        type(By.cssSelector("#vaadinLoginUsername input"), email);
        WebElement passwordInput = await(By.cssSelector("#vaadinLoginPassword input"));
        passwordInput.sendKeys(password, Keys.ENTER);
        await(By.id("sign-out"));
        awaitVaadin();
    }

    WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    void awaitUrlContaining(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
    }

    void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        // Centre the element, so the app layout's header or a notification does not cover it.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Ticks a vaadin-checkbox. Its native input is visually hidden, so the click goes through JavaScript. */
    void check(By checkbox) {
        WebElement element = await(checkbox);
        driver.executeScript("if (!arguments[0].checked) arguments[0].querySelector('input').click()", element);
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return arguments[0].checked", element)));
        awaitVaadin();
    }

    /** Replaces the value of a text input and fires the change event Vaadin listens to. */
    void type(By input, String text) {
        WebElement element = await(input);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        element.sendKeys(text);
        element.sendKeys(Keys.TAB);
    }

    String text(By locator) {
        return await(locator).getText();
    }

    /** Waits until Vaadin's client has no server round trip under way. */
    void awaitVaadin() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** Closes every open notification, so that none covers the page in a screenshot. */
    void dismissNotifications() {
        driver.executeScript("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        awaitGone(By.tagName("vaadin-notification-card"));
    }

    /** Saves the visible page as a PNG under target/browser-screenshots and returns its path. */
    Path screenshot(String name) {
        awaitVaadin();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Saving the screenshot " + name + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
