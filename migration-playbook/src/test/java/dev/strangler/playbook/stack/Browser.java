package dev.strangler.playbook.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The OS's Chromium, driven by its chromedriver (Debian's {@code chromium} and {@code chromium-driver}), headless.
 * The README's test command ({@code ./bring-browser}) installs them where they are missing, in the background while
 * the build runs; this waits for that install (its log says how it went) and never looks for a browser anywhere else.
 */
final class Browser {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path INSTALL = KitTestStack.REPOSITORY.resolve("target/browser");

    private Browser() {
    }

    static ChromeDriver start(int width, int height) {
        awaitInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path directory = KitTestStack.MODULE.resolve("target/console-screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void awaitInstalled() {
        if (Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM)) {
            return;
        }
        Path done = INSTALL.resolve("install.exit");
        if (!Files.exists(INSTALL.resolve("install.log"))) {
            throw new AssertionError(DRIVER + " or " + CHROMIUM + " is missing: run the README's test command "
                    + "(./bring-browser && ./mvnw -B verify), which installs Debian's chromium and chromium-driver, "
                    + "or install them");
        }
        await("the browser install started by ./bring-browser").atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofSeconds(2)).until(() -> Files.exists(done));
        try {
            String exit = Files.readString(done).trim();
            if (!"0".equals(exit) || !Files.isExecutable(DRIVER)) {
                throw new AssertionError("installing chromium and chromium-driver failed (exit " + exit + "):\n"
                        + Files.readString(INSTALL.resolve("install.log")));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the browser install's outcome", e);
        }
    }
}
