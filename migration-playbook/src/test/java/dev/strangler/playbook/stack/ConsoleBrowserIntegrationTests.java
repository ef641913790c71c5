package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration console in a real browser (the OS's Chromium), on the whole stack after the playbook migrated it:
 * the console is the stack's own part, started by {@code kit up}. Logs in, reads the routes, flips one with a
 * reason and sees the mode change on the page and in the proxy, opens a mismatch's diff and ignores its path,
 * reconciles, runs the next playbook step and rolls it back with the evidence in the journal; and bad
 * input (no reason, percent 150, a forged request without the CSRF token, a stale token) changes nothing.
 */
@ExtendWith(ConsoleBrowserIntegrationTests.KeepStateOnFailure.class)
class ConsoleBrowserIntegrationTests {

    static class KeepStateOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WholeStack.keepState();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** The mismatch group that names $.name. */
    private static final String NAME_GROUP = "//article[contains(@class,'group')][.//h2/span[1][contains(text(),'$.name')]]";

    private static KitTestStack stack;
    private static ChromeDriver browser;
    private static String console;
    private static String token;

    @BeforeAll
    static void open() throws Exception {
        stack = WholeStack.up();
        console = "http://127.0.0.1:" + stack.environment().get("KIT_CONSOLE_PORT");
        token = Files.readString(stack.state().resolve("run/proxy-admin.token")).trim();
        browser = Browser.start(1280, 1000);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorWorksTheMigrationFromTheBrowserAndBadInputChangesNothing() throws Exception {
        logIn();
        routesAndBadFlips();
        aWriteRouteAsksForConfirmation();
        runAndRollBackTheNextStep();
        long member = mismatchDiffAndIgnoreItsPath();
        reconcile(member);
        liveUpdatesWithoutReload();
        forgedAndStaleRequestsChangeNothing();
    }

    private void logIn() throws Exception {
        browser.get(console + "/routes");
        waitFor(() -> browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("login")).click();
        assertThat(shown("login-message", "does not accept that token")).isNotEmpty();
        Browser.screenshot(browser, "login");

        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("login")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/routes"));
        assertThat(text("who")).isEqualTo("kit (operator)");
        Cookie cookie = browser.manage().getCookieNamed("kit_console_token");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
    }

    private void routesAndBadFlips() throws Exception {
        for (String route : List.of("members-read", "members-write", "orders-read", "orders-write")) {
            assertThat(modeOnPage(route)).as(route).isEqualTo(proxyMode(route));
        }
        Browser.screenshot(browser, "routes");
        long version = proxyRoute("members-read").path("version").asLong();

        flip("members-read", "CANARY", "", "");
        assertThat(shown("error", "needs a reason")).contains("Nothing was changed");
        flip("members-read", "CANARY", "150", "a canary too big");
        assertThat(shown("error", "between 0 and 100, not 150")).contains("Nothing was changed");
        assertThat(proxyRoute("members-read").path("version").asLong()).isEqualTo(version);
        assertThat(modeOnPage("members-read")).isEqualTo(proxyMode("members-read"));
    }

    private void aWriteRouteAsksForConfirmation() throws Exception {
        long version = proxyRoute("members-write").path("version").asLong();
        String from = proxyMode("members-write");
        String to = from.equals("EXTRACTED") ? "LEGACY" : "EXTRACTED";
        flip("members-write", to, "", "console test: what would it do");
        assertThat(shown("consequences", "serves writes")).contains("from " + from + " to " + to,
                to.equals("LEGACY") ? "reverse path applied them" : "reverse path, which must be on");
        Browser.screenshot(browser, "confirm-write-flip");
        browser.findElement(By.linkText("Cancel")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/routes"));
        assertThat(proxyRoute("members-write").path("version").asLong()).isEqualTo(version);
    }

    private void runAndRollBackTheNextStep() throws Exception {
        browser.get(console + "/playbook");
        assertThat(stepState("members-read-canary-again")).isEqualTo("next");
        waitFor(() -> text("gates").contains("PASSED"));
        click(By.id("run-next"));
        waitFor(() -> exists("job-outcome") && stepState("members-read-canary-again")
                .equals("applied"));
        assertThat(shown("journal", "members-read-canary-again verify: passed: step applied")).contains(
                "PASSED route members-read in CANARY");
        assertThat(shown("all-applied", "Every step is applied.")).isNotEmpty();
        JsonNode canary = proxyRoute("members-read");
        assertThat(canary.path("mode").asString()).isEqualTo("CANARY");
        assertThat(canary.path("percent").asDouble()).isEqualTo(50.0);
        assertThat(canary.path("lastFlip").path("by").asString()).isEqualTo("kit");
        Browser.screenshot(browser, "playbook");

        click(By.id("roll-back"));
        waitFor(() -> exists("job-outcome") && stepState("members-read-canary-again")
                .equals("next"));
        assertThat(shown("journal", "members-read-canary-again rollback: done: step no longer applied")).isNotEmpty();
        assertThat(proxyMode("members-read")).isEqualTo("SHADOW");
    }

    private long mismatchDiffAndIgnoreItsPath() throws Exception {
        flip("members-read", "SHADOW", "", "console test: compare the member service again");
        assertThat(shown("notice", "members-read is now SHADOW")).isNotEmpty();
        assertThat(proxyMode("members-read")).isEqualTo("SHADOW");

        // A member registered through the proxy (whichever side takes member writes now), then its copy in the
        // member service's database damaged behind the change feed's back: the shadow comparison must show it.
        String proxy = "http://127.0.0.1:" + stack.environment().get("PROXY_PORT");
        String unique = Long.toString(System.nanoTime());
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(proxy + "/api/members"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"loginId\":\"console_" + unique + "\",\"name\":\"콘솔 회원\",\"email\":\"console."
                                + unique + "@example.kr\",\"phone\":\"010-0000-0000\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long member = JSON.readTree(registered.body()).path("id").asLong();
        InfraSettings infra = stack.infra();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(infra.member().database()),
                infra.member().user(), infra.member().password())) {
            waitFor(() -> {
                try (PreparedStatement damage =
                             db.prepareStatement("UPDATE MEMBER SET name = 'console damaged' WHERE id = ?")) {
                    damage.setLong(1, member);
                    return damage.executeUpdate() == 1;
                }
            });
        }
        // Until the change feed has passed the registration, the proxy counts its reads as in flux, not compared.
        waitFor(() -> {
            HTTP.send(HttpRequest.newBuilder(URI.create(proxy + "/api/members/" + member)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return adminGet("/admin/routes/members-read/parity").path("mismatchGroups").valueStream()
                    .anyMatch(group -> group.path("fields").toString().contains("\"$.name\""));
        });

        browser.get(console + "/diff/members-read");
        // Earlier phases may have left a kind of mismatch of their own: this one is the group of $.name alone.
        waitFor(() -> !browser.findElements(By.xpath(NAME_GROUP)).isEmpty());
        assertThat(textOf(By.xpath(NAME_GROUP + "//pre[contains(@class,'legacy')]//mark")))
                .doesNotContain("console damaged");
        assertThat(textOf(By.xpath(NAME_GROUP + "//pre[contains(@class,'extracted')]//mark")))
                .contains("console damaged");
        Browser.screenshot(browser, "diff");
        click(By.xpath(NAME_GROUP + "//button[text()='Ignore $.name']"));
        assertThat(shown("notice", "$.name is now left out of members-read's shadow comparison")).isNotEmpty();
        waitFor(() -> text("ignored").contains("$.name"));
        assertThat(proxyRoute("members-read").path("ignoredPaths").toString()).contains("$.name");
        return member;
    }

    private void reconcile(long member) throws Exception {
        browser.get(console + "/data");
        assertThat(browser.findElement(By.cssSelector("#lag-chart svg")).isDisplayed()).isTrue();
        browser.findElement(By.id("reconcile-members")).click();
        waitFor(() -> text("context-members").contains("1 difference(s)"));
        assertThat(text("context-members")).contains("differing " + member + " [");
        assertThat(browser.findElements(By.id("repair-members"))).as("an operator is offered the repair").hasSize(1);
        Browser.screenshot(browser, "data");

        // The damage undone by hand (kit compare data --repair is the CLI's test): the next reconciliation agrees.
        InfraSettings infra = stack.infra();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(infra.member().database()),
                infra.member().user(), infra.member().password());
             PreparedStatement restore = db.prepareStatement("UPDATE MEMBER SET name = '콘솔 회원' WHERE id = ?")) {
            restore.setLong(1, member);
            assertThat(restore.executeUpdate()).isEqualTo(1);
        }
        browser.findElement(By.id("reconcile-members")).click();
        waitFor(() -> text("context-members").contains("0 difference(s)"));
    }

    private void liveUpdatesWithoutReload() throws Exception {
        browser.get(console + "/routes");
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMarker = 'same page';");
        adminPost("/admin/routes/members-read/flips", "{\"mode\":\"EXTRACTED\",\"reason\":\"console test: done\"}");
        waitFor(() -> modeOnPage("members-read").equals("EXTRACTED"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.consoleTestMarker;"))
                .as("the mode changed on the page without a reload").isEqualTo("same page");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Browser.screenshot(browser, "routes-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void forgedAndStaleRequestsChangeNothing() throws Exception {
        long version = proxyRoute("members-read").path("version").asLong();
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/routes/flip"))
                .header("Cookie", "kit_console_token=" + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("route=members-read&mode=LEGACY&reason=forged"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token is missing or wrong", "nothing was changed");
        assertThat(proxyRoute("members-read").path("version").asLong()).isEqualTo(version);

        browser.manage().addCookie(new Cookie.Builder("kit_console_token", "a-token-since-revoked").path("/")
                .isHttpOnly(true).sameSite("Strict").build());
        browser.get(console + "/routes");
        waitFor(() -> browser.getCurrentUrl().contains("/login"));
        assertThat(shown("login-message", "no longer accepted")).isNotEmpty();
        assertThat(proxyRoute("members-read").path("version").asLong()).isEqualTo(version);
    }

    private void flip(String route, String mode, String percent, String reason) {
        if (!browser.getCurrentUrl().endsWith("/routes")) {
            browser.get(console + "/routes");
        }
        new Select(browser.findElement(By.id("flip-route"))).selectByValue(route);
        new Select(browser.findElement(By.id("flip-mode"))).selectByVisibleText(mode);
        WebElement percentField = browser.findElement(By.id("flip-percent"));
        percentField.clear();
        percentField.sendKeys(percent);
        browser.findElement(By.id("flip-reason")).sendKeys(reason);
        browser.findElement(By.id("flip-submit")).click();
    }

    private String modeOnPage(String route) {
        return browser.findElement(By.cssSelector("tr[data-route='" + route + "'] td.mode")).getText();
    }

    private String stepState(String step) {
        return browser.findElement(By.cssSelector("li[data-step='" + step + "']")).getAttribute("class");
    }

    /** Waits for a condition on the page, which the live refresh may be swapping meanwhile. */
    private static void waitFor(Callable<Boolean> condition) {
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks the element, found again if the live refresh swapped it out in between. */
    private void click(By element) {
        waitFor(() -> {
            browser.findElement(element).click();
            return true;
        });
    }

    private String textOf(By element) {
        return swappedAtMostFiveTimes(() -> browser.findElement(element).getText());
    }

    /** The element's text once it contains {@code fragment}: the page may still be on its way after a click. */
    private String shown(String id, String fragment) {
        waitFor(() -> text(id).contains(fragment));
        return text(id);
    }

    /** The element's text, or "" while there is none. */
    private String text(String id) {
        return swappedAtMostFiveTimes(() -> {
            List<WebElement> found = browser.findElements(By.id(id));
            return found.isEmpty() ? "" : found.get(0).getText();
        });
    }

    /** Reads the page again when the live refresh swapped the element out in between. */
    private static String swappedAtMostFiveTimes(Supplier<String> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    private boolean exists(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    private JsonNode proxyRoute(String route) throws Exception {
        return adminGet("/admin/routes/" + route);
    }

    private JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(admin() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String proxyMode(String route) throws Exception {
        return proxyRoute(route).path("mode").asString();
    }

    private void adminPost(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(admin() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String admin() {
        return "http://127.0.0.1:" + stack.environment().get("PROXY_ADMIN_PORT");
    }
}
