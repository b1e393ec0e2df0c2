package com.marketbridge.bootstrap;

import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static com.marketbridge.bootstrap.Upstreams.OTHER_COMPANY;
import static com.marketbridge.bootstrap.Upstreams.WEBEX_TRACKING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's console in a real browser (headless Chromium), through the real wiring over HTTP against WireMock
 * AppDirect and Webex: three orders arrive first, one completed, one Webex refused, one waiting for a Webex customer
 * still provisioning. Run by the browser profile only (tag "browser"); screenshots go to target/screenshots.
 */
@Tag("browser")
class ConsoleBrowserTest {

    private static final String OPERATOR = "operator";
    private static final String PASSWORD = "console-password-7";
    private static final String COMPLETED = "order-completed";
    private static final String FAILED = "order-failed";
    private static final String WAITING = "order-waiting";
    /** Webex's refusal, with markup that the console must show as text. */
    private static final String REFUSAL = "User " + BOB + " already exists <b>in another organization</b>";

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;
    private Chromium chromium;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        upstreams = new Upstreams();
        upstreams.customerProvisioned(OTHER_COMPANY); // before the provisioning scenario, whose stubs must win for COMPANY
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.precheckRefusesAsExisting(BOB, REFUSAL);
        upstreams.subscriberNotFound(BOB); // not one of the connector's: the refusal stands
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        upstreams.resultsAccepted();
        Map<String, String> values = upstreams.settings();
        values.put("ADMIN_USERNAME", OPERATOR);
        values.put("ADMIN_PASSWORD", PASSWORD);
        values.put("PROVISIONING_WAIT_MS", "0");
        values.put("RESPONSE_BUDGET_MS", "1000");
        connector = Connector.start(withoutRetriesDuringTheTest(Settings.load(values, Path.of("no-such.env"))));

        assertThat(notify(upstreams.publish(COMPLETED, "order.json", Map.of("company", OTHER_COMPANY,
                "account", OTHER_COMPANY + ":" + ALICE))).body()).contains("\"success\":true");
        assertThat(notify(upstreams.publish(FAILED, "order.json", Map.of("company", OTHER_COMPANY, "email", BOB,
                "account", OTHER_COMPANY + ":" + BOB))).body()).contains("\"success\":false");
        assertThat(notify(upstreams.publish(WAITING, "order.json", Map.of())).statusCode()).isEqualTo(202);

        chromium = Chromium.start();
        driver = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterEach
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            connector.close();
            upstreams.close();
        }
    }

    /**
     * The waiting order is retried by the operator alone: the worker's own next attempt comes 20 minutes later, well
     * after the test and before the event's 30-minute deadline (it could otherwise finish the order between Webex's
     * provisioning and the operator's click).
     */
    private static Settings withoutRetriesDuringTheTest(Settings settings) {
        return new Settings(settings.appDirect(), settings.webex(), settings.http(), settings.admin(), settings.store(),
                settings.async().withRetries(Duration.ofMinutes(20), Duration.ofMinutes(20)), settings.fulfilment(), settings.asRead());
    }

    private HttpResponse<String> notify(String eventUrl) throws Exception {
        return client.send(Upstreams.notification(connector.port(), "/api/v1/events", eventUrl), HttpResponse.BodyHandlers.ofString());
    }

    private String console() {
        return "http://127.0.0.1:" + connector.port() + "/console/";
    }

    private static By test(String name) {
        return By.cssSelector("[data-test=\"" + name + "\"]");
    }

    private void signIn() {
        driver.get(console() + "login");
        driver.findElement(test("login-username")).sendKeys(OPERATOR);
        driver.findElement(test("login-password")).sendKeys(PASSWORD);
        driver.findElement(test("login-submit")).click();
        wait.until(textToBePresentInElementLocated(test("username"), OPERATOR));
    }

    /** The tokens of the events list's rows, once the list shows exactly {@code tokens}. */
    private void waitForRows(String... tokens) {
        wait.until(page -> page.findElements(test("event-row")).stream()
                .map(row -> row.getDomAttribute("data-token")).toList().equals(List.of(tokens)));
    }

    private List<WebElement> timeline() {
        return driver.findElements(test("timeline-entry"));
    }

    private WebElement lastTimelineEntry() {
        List<WebElement> entries = timeline();
        return entries.get(entries.size() - 1);
    }

    @Test
    void theOperatorFindsTheFailedEventSeesWhyAndResolvesItWithANote() {
        signIn();
        wait.until(textToBe(By.cssSelector("[data-test=\"state-FAILED\"] a"), "1"));
        assertThat(driver.findElement(test("failures-by-reason")).getText()).contains("USER_ALREADY_EXISTS");
        assertThat(driver.findElement(test("oldest-waiting")).getText()).contains(WAITING);
        chromium.screenshot("overview");

        driver.findElement(test("nav-events")).click();
        waitForRows(WAITING, FAILED, COMPLETED);
        new Select(driver.findElement(test("filter-state"))).selectByValue("FAILED");
        driver.findElement(test("apply-filters")).click();
        wait.until(urlContains("#/events?state=FAILED"));
        waitForRows(FAILED);
        assertThat(driver.findElement(test("event-row")).getText()).contains(FAILED, OTHER_COMPANY, "FAILED");
        driver.navigate().refresh(); // the filtered view is a link to share: it shows the same after a reload
        waitForRows(FAILED);
        assertThat(new Select(driver.findElement(test("filter-state"))).getFirstSelectedOption().getText()).isEqualTo("FAILED");

        driver.findElement(test("event-link")).click();
        wait.until(textToBe(test("outcome-reason"), "USER_ALREADY_EXISTS"));
        assertThat(driver.findElement(test("outcome-tracking-id")).getText()).isEqualTo(WEBEX_TRACKING_ID);
        assertThat(driver.findElement(test("outcome-message")).getText()).contains(REFUSAL);
        assertThat(driver.findElements(By.cssSelector("[data-test=\"outcome-message\"] b"))).isEmpty();
        assertThat(driver.findElements(test("action-retry"))).isEmpty();

        driver.findElement(test("action-resolve")).click();
        wait.until(visibilityOfElementLocated(test("note")));
        driver.findElement(test("confirm")).click();
        assertThat(driver.findElement(By.id("confirm-error")).getText()).contains("note is required");
        driver.findElement(test("note")).sendKeys("Bob has a Webex account elsewhere; support asked him to order with his work email");
        driver.findElement(test("confirm")).click();
        wait.until(textToBe(test("event-state"), "RESOLVED"));
        WebElement resolution = lastTimelineEntry();
        assertThat(resolution.getDomAttribute("data-kind")).isEqualTo("OPERATOR_ACTION");
        assertThat(resolution.getText()).contains("RESOLVE", OPERATOR, "support asked him to order with his work email");
        chromium.screenshot("event-resolved");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(test("timeline")));
        chromium.screenshot("event-resolved-timeline");
    }

    @Test
    void theOperatorRetriesAnEventWaitingForWebexAndSeesItComplete() throws Exception {
        signIn();
        wait.until(elementToBeClickable(By.cssSelector("[data-test=\"oldest-waiting\"] a"))).click();
        wait.until(textToBe(test("event-state"), "WAITING"));
        int entries = timeline().size();

        upstreams.finishProvisioning();
        driver.findElement(test("action-retry")).click();
        wait.until(visibilityOfElementLocated(test("note")));
        driver.findElement(test("note")).sendKeys("Partner Hub shows the organization ready");
        driver.findElement(test("confirm")).click();

        wait.until(textToBe(test("event-state"), "COMPLETED"));
        assertThat(driver.findElement(test("event-outcome")).getText()).contains(ALICE + " is subscribed to webex_meetings");
        assertThat(timeline()).hasSizeGreaterThan(entries);
        assertThat(timeline()).anySatisfy(entry -> assertThat(entry.getText())
                .contains("OPERATOR_ACTION", "RETRY", OPERATOR, "Partner Hub shows the organization ready"));
        chromium.screenshot("event-retried");
        Upstreams.await("the result posted to AppDirect", () -> upstreams.resultPosts(WAITING) == 1);

        driver.findElement(By.linkText("Contoso Ltd")).click();
        wait.until(urlContains("#/subscriptions?company=" + COMPANY));
        wait.until(textToBePresentInElementLocated(test("subscription-user"), ALICE));
        assertThat(driver.findElement(test("subscription")).getText())
                .contains(Upstreams.CUSTOMER_ID, Upstreams.subscriberId(ALICE), Upstreams.personId(ALICE));
    }

    /** Tabs forward until the element named {@code name} has the focus; fails if it is not reachable. */
    private WebElement tabTo(String name) {
        for (int i = 0; i < 60; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (name.equals(focused.getDomAttribute("data-test"))) {
                assertThat(focused.getCssValue("outline-style")).as("the focus ring on " + name).isEqualTo("solid");
                return focused;
            }
        }
        throw new AssertionError("Tab never reached [data-test=" + name + "]");
    }

    @Test
    void theFiltersAndAnActionWorkFromTheKeyboardAlone() {
        driver.get(console() + "login");
        driver.switchTo().activeElement().sendKeys(OPERATOR, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(textToBePresentInElementLocated(test("username"), OPERATOR));
        driver.get(console() + "#/events");
        waitForRows(WAITING, FAILED, COMPLETED);

        tabTo("filter-state").sendKeys("FAILED");
        tabTo("apply-filters").sendKeys(Keys.ENTER);
        wait.until(urlContains("#/events?state=FAILED"));
        waitForRows(FAILED);
        tabTo("event-link").sendKeys(Keys.ENTER);
        wait.until(textToBe(test("event-state"), "FAILED"));

        tabTo("action-resolve").sendKeys(Keys.ENTER);
        wait.until(visibilityOfElementLocated(test("note")));
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-test")).isEqualTo("note");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(invisibilityOfElementLocated(test("note")));
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-test")).as("the focus back on the action").isEqualTo("action-resolve");
        assertThat(driver.findElement(test("event-state")).getText()).isEqualTo("FAILED");

        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(visibilityOfElementLocated(test("note")));
        driver.switchTo().activeElement().sendKeys("Handled from the keyboard");
        WebElement dialog = driver.findElement(test("confirm-dialog"));
        for (int i = 0; i < 6; i++) { // the modal dialog keeps the focus: past its last button the browser's own UI, then back
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(driver.executeScript("return arguments[0].contains(document.activeElement)"
                    + " || document.activeElement === document.body", dialog)).as("the focus inside the dialog").isEqualTo(true);
        }
        tabTo("confirm").sendKeys(Keys.ENTER);
        wait.until(textToBe(test("event-state"), "RESOLVED"));
        wait.until(attributeContains(lastTimelineEntry(), "data-kind", "OPERATOR_ACTION"));
        assertThat(lastTimelineEntry().getText()).contains("Handled from the keyboard");
    }

    @Test
    void withoutASessionTheConsoleSendsTheOperatorToSignIn_andAWrongPasswordSaysSo() {
        driver.get(console() + "#/events?state=FAILED");
        wait.until(urlContains("/console/login"));

        driver.findElement(test("login-username")).sendKeys(OPERATOR);
        driver.findElement(test("login-password")).sendKeys("not-the-password");
        driver.findElement(test("login-submit")).click();

        wait.until(visibilityOfElementLocated(test("login-failed")));
        assertThat(driver.getCurrentUrl()).endsWith("/console/login?failed");
        assertThat(driver.getPageSource()).doesNotContain("not-the-password");
    }
}
