package com.marketbridge.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.fake.CallLog;
import com.marketbridge.application.fake.FakeClock;
import com.marketbridge.application.fake.FakeMarketplaceResults;
import com.marketbridge.application.fake.FakeWebex;
import com.marketbridge.application.fake.InMemoryEventJournal;
import com.marketbridge.application.fake.InMemoryExtensionReservations;
import com.marketbridge.application.fake.InMemoryKnownCustomers;
import com.marketbridge.application.fake.InMemoryLaneLeases;
import com.marketbridge.application.fake.InMemorySubscriptions;
import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.service.AdminQueriesService;
import com.marketbridge.application.service.OperateEventService;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin API and the console's sign-in over real HTTP, on the real services against the in-memory fakes. */
class AdminApiTest {

    private static final String ADMIN = "admin:correct horse";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final FakeClock clock = new FakeClock(T0.plus(Duration.ofHours(1)));
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final FakeMarketplaceResults results = new FakeMarketplaceResults();
    private FulfilmentWorker worker;
    private WebhookServer server;
    /** The requests the server said it served: {@code "<method> <route> <status>"}. */
    private final BlockingQueue<String> served = new LinkedBlockingQueue<>();

    private void start(boolean adminOn) {
        FulfilmentSettings fulfilment = new FulfilmentSettings(EditionCatalog.defaults(), new CustomerTemplate("prov",
                List.of("webex_meetings"), new PostalAddress("1 Main St", "Montreal", "QC", "H2X 1Y4", "CA"), "America/Toronto"),
                Duration.ZERO, Duration.ofSeconds(1), clock, clock);
        worker = new FulfilmentWorker(new Fulfilment(new FakeWebex(new CallLog()).ports(), fulfilment, subscriptions,
                new InMemoryExtensionReservations(), new InMemoryKnownCustomers()), journal, InMemoryLaneLeases.sole(),
                results, AsyncSettings.DEFAULTS, clock);
        Optional<AdminAccess> admin = adminOn ? Optional.of(new AdminAccess(
                new AdminSettings("admin", new Secret("correct horse")), new AdminQueriesService(journal, subscriptions, clock),
                new OperateEventService(journal, journal, worker))) : Optional.empty();
        server = WebhookServer.start(HttpSettings.of("127.0.0.1", 0, null), command -> {
            throw new AssertionError("no notification in these tests");
        }, outcome -> null, () -> true, new HttpMetrics(() -> "", (method, route, status, took) -> served.add(method + " " + route + " " + status)), admin, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        worker.close();
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", basic(ADMIN)).build());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", basic(ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("/console/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String sessionCookie(HttpResponse<String> signedIn) {
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    // ---- journal fixtures ------------------------------------------------------------------------------------------

    private JournalEntry failed(String token, Instant at) {
        return EventJournalContract.received(token, at).processing(at).finished(new Outcome.Failed(
                FailureReason.UPSTREAM_REJECTED, "Webex refused to create the subscriber (HTTP 409)", "ROUTER_1", 409), at);
    }

    private JournalEntry completed(String token, Instant at) {
        return EventJournalContract.received(token, at).processing(at).finished(new Outcome.Completed("c1:bob", "ok"), at)
                .delivered(at);
    }

    private List<String> tokens(HttpResponse<String> page) throws IOException {
        List<String> tokens = new ArrayList<>();
        body(page).get("events").forEach(event -> tokens.add(event.get("token").asText()));
        return tokens;
    }

    // ---- authentication ----------------------------------------------------------------------------------------------

    @Test
    void withoutCredentials_theApiAnswers401WithABasicChallenge_wrongOnes401_rightOnes200() throws Exception {
        start(true);

        HttpResponse<String> none = send(request("/api/v1/admin/overview").build());
        HttpResponse<String> wrong = send(request("/api/v1/admin/overview").header("Authorization", basic("admin:nope")).build());
        HttpResponse<String> right = get("/api/v1/admin/overview");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"MarketBridge admin\"");
        assertThat(body(none).get("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("nope", "correct horse");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    /** A challenge to a page's script would have the browser ask for a password over the signed-out console. */
    @Test
    void aPagesScriptWithoutASession_gets401WithoutABasicChallenge_whileANavigationGetsOne() throws Exception {
        start(true);

        HttpResponse<String> fetched = send(request("/api/v1/admin/session").header("Sec-Fetch-Mode", "same-origin").build());
        HttpResponse<String> navigated = send(request("/api/v1/admin/overview").header("Sec-Fetch-Mode", "navigate").build());

        assertThat(fetched.statusCode()).isEqualTo(401);
        assertThat(fetched.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(body(fetched).get("error").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(navigated.statusCode()).isEqualTo(401);
        assertThat(navigated.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"MarketBridge admin\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/admin/overview", "/api/v1/admin/events", "/console/login", "/console/"})
    void withoutAnAdminAccount_theApiAndTheConsoleDoNotExist(String path) throws Exception {
        start(false);

        assertThat(send(request(path).header("Authorization", basic(ADMIN)).build()).statusCode()).isEqualTo(404);
        assertThat(signIn("admin", "correct horse").statusCode()).isEqualTo(404);
    }

    @Test
    void theConsolesFilesAreReportedAsServedUnderOneRoute_andAMissingFileAsNotFound() throws Exception {
        start(true);

        assertThat(send(request("/console/console.css").build()).statusCode()).isEqualTo(200);
        assertThat(served.poll(10, TimeUnit.SECONDS)).isEqualTo("GET /console/* 200");
        assertThat(send(request("/console/no-such-file.js").build()).statusCode()).isEqualTo(404);
        assertThat(served.poll(10, TimeUnit.SECONDS)).isEqualTo("GET NOT_FOUND 404");
    }

    @Test
    void repeatedFailedSignIns_lockTheClientOut_evenWithTheRightPasswordAfterwards() throws Exception {
        start(true);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(send(request("/api/v1/admin/overview").header("Authorization", basic("admin:guess" + i)).build())
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = get("/api/v1/admin/overview");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(body(locked).get("error").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(signIn("admin", "correct horse").headers().firstValue("Location")).contains("/console/login?failed");
    }

    @Test
    void theConsolesSignIn_setsAStrictHttpOnlyCookie_whosePostsNeedTheCsrfToken_untilSignOut() throws Exception {
        start(true);
        journal.recordNew(failed("t-failed", T0));

        HttpResponse<String> refused = signIn("admin", "wrong");
        HttpResponse<String> signedIn = signIn("admin", "correct horse");

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).contains("/console/login?failed");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/console/");
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("mb_session=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        String cookie = sessionCookie(signedIn);
        JsonNode session = body(send(request("/api/v1/admin/session").header("Cookie", cookie).build()));
        assertThat(session.get("username").asText()).isEqualTo("admin");
        String csrf = session.get("csrfToken").asText();
        assertThat(csrf).isNotBlank();

        HttpRequest.Builder resolve = request("/api/v1/admin/events/t-failed/resolve").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"refunded\"}"));
        HttpResponse<String> withoutToken = send(resolve.build());
        HttpResponse<String> withWrongToken = send(resolve.copy().header("X-CSRF-Token", csrf + "x").build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(body(withoutToken).get("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(withWrongToken.statusCode()).isEqualTo(403);
        assertThat(send(resolve.copy().header("X-CSRF-Token", csrf).build()).statusCode()).isEqualTo(200);

        send(request("/console/logout").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> afterSignOut = send(request("/api/v1/admin/overview").header("Cookie", cookie).build());
        assertThat(afterSignOut.statusCode()).isEqualTo(401);
        assertThat(afterSignOut.headers().firstValue("WWW-Authenticate")).as("a session cookie was sent").isEmpty();
    }

    @Test
    void theLoginPage_isAFormOfUsernameAndPassword() throws Exception {
        start(true);

        HttpResponse<String> page = send(request("/console/login").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "type=\"submit\"");
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    @Test
    void theEvents_arePagedNewestFirst_withAnOpaqueCursor_untilTheLastPage() throws Exception {
        start(true);
        for (int i = 0; i < 7; i++) {
            journal.recordNew(EventJournalContract.received("t" + i, T0.plusSeconds(i)));
        }

        HttpResponse<String> first = get("/api/v1/admin/events?limit=3");
        String cursor = body(first).get("nextCursor").asText();
        HttpResponse<String> second = get("/api/v1/admin/events?limit=3&cursor=" + cursor);
        HttpResponse<String> last = get("/api/v1/admin/events?limit=3&cursor=" + body(second).get("nextCursor").asText());

        assertThat(tokens(first)).containsExactly("t6", "t5", "t4");
        assertThat(tokens(second)).containsExactly("t3", "t2", "t1");
        assertThat(tokens(last)).containsExactly("t0");
        assertThat(body(last).get("nextCursor").isNull()).isTrue();
        JsonNode event = body(first).get("events").get(0);
        assertThat(event.get("type").asText()).isEqualTo("SUBSCRIPTION_ORDER");
        assertThat(event.get("company").get("uuid").asText()).isEqualTo("c1");
        assertThat(event.get("company").get("name").asText()).isEqualTo("Contoso");
        assertThat(event.get("receivedAt").asText()).isEqualTo("2025-03-01T10:00:06Z");
        assertThat(event.get("outcome").isNull()).isTrue();
        assertThat(event.get("state").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void theEvents_areFilteredByState_type_company_andReceivedTime() throws Exception {
        start(true);
        journal.recordNew(failed("t-failed", T0));
        journal.recordNew(completed("t-done", T0.plusSeconds(10)));
        journal.recordNew(JournalEntry.received(EventJournalContract.url("t-addon"), new UnsupportedEvent(
                new EventToken("t-addon"), EventFlag.LIVE, "ADDON_ORDER"), "t-addon", T0.plusSeconds(20), T0.plusSeconds(600)));

        assertThat(tokens(get("/api/v1/admin/events?state=FAILED"))).containsExactly("t-failed");
        assertThat(tokens(get("/api/v1/admin/events?type=ADDON_ORDER"))).containsExactly("t-addon");
        assertThat(tokens(get("/api/v1/admin/events?company=c1"))).containsExactly("t-done", "t-failed");
        assertThat(tokens(get("/api/v1/admin/events?company=CONTO"))).containsExactly("t-done", "t-failed");
        assertThat(tokens(get("/api/v1/admin/events?since=2025-03-01T10:00:10Z&until=2025-03-01T10:00:20Z")))
                .containsExactly("t-done");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=NOPE", "limit=0", "limit=201", "limit=ten", "since=yesterday", "until=2025-13-01",
            "cursor=not-a-cursor"})
    void aBadFilter_isA400NamingTheParameter(String query) throws Exception {
        start(true);

        HttpResponse<String> answer = get("/api/v1/admin/events?" + query);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(body(answer).get("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(body(answer).get("message").asText()).contains("'" + query.substring(0, query.indexOf('=')) + "'");
    }

    @Test
    void oneEvent_isItsDetailWithItsTimeline_andAnUnknownOneIs404() throws Exception {
        start(true);
        journal.recordNew(EventJournalContract.received("t1", T0));
        JournalEntry failed = failed("t1", T0);
        journal.update(failed, TimelineEntry.attempt(failed));

        JsonNode detail = body(get("/api/v1/admin/events/t1"));
        HttpResponse<String> unknown = get("/api/v1/admin/events/t-unknown");

        assertThat(detail.get("event").get("token").asText()).isEqualTo("t1");
        assertThat(detail.get("event").get("lane").asText()).isEqualTo("c1");
        assertThat(detail.get("event").get("eventUrl").asText()).endsWith("/events/t1");
        assertThat(detail.get("event").get("deadline").asText()).isEqualTo("2025-03-01T10:10:00Z");
        assertThat(detail.get("event").get("outcome").get("trackingId").asText()).isEqualTo("ROUTER_1");
        JsonNode attempt = detail.get("timeline").get(1);
        assertThat(detail.get("timeline").get(0).get("kind").asText()).isEqualTo("RECEIVED");
        assertThat(attempt.get("kind").asText()).isEqualTo("ATTEMPT");
        assertThat(attempt.get("state").asText()).isEqualTo("FAILED");
        assertThat(attempt.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(attempt.get("reason").asText()).isEqualTo("UPSTREAM_REJECTED");
        assertThat(attempt.get("trackingId").asText()).isEqualTo("ROUTER_1");
        assertThat(attempt.get("upstreamStatus").asInt()).isEqualTo(409);
        assertThat(attempt.get("actor").isNull()).isTrue();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).get("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theOverview_countsEveryState_andTheSubscriptions_areListedByCompany() throws Exception {
        start(true);
        journal.recordNew(failed("t-failed", T0));
        journal.recordNew(completed("t-done", T0));
        subscriptions.save(new Subscription("c1:bob@contoso.test", "c1", "cust-1", new WebexPackage("webex_calling", true),
                5L, SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser("bob@contoso.test", "Bob", "Buyer", "sub-1",
                "person-1", new CallingAssignment("loc-1", "2001")))));

        JsonNode overview = body(get("/api/v1/admin/overview"));
        JsonNode listed = body(get("/api/v1/admin/subscriptions?company=c1")).get("subscriptions");

        assertThat(overview.get("states").get("FAILED").asLong()).isEqualTo(1);
        assertThat(overview.get("states").get("RESOLVED").asLong()).isZero();
        assertThat(overview.get("last24h").get("completed").asLong()).isEqualTo(1);
        assertThat(overview.get("oldestWaiting").isNull()).isTrue();
        assertThat(overview.get("failuresByReason").get("UPSTREAM_REJECTED").asLong()).isEqualTo(1);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("package").asText()).isEqualTo("webex_calling");
        assertThat(listed.get(0).get("seatLimit").asLong()).isEqualTo(5);
        assertThat(listed.get(0).get("users").get(0).get("extension").asText()).isEqualTo("2001");
        assertThat(body(get("/api/v1/admin/subscriptions?company=c2")).get("subscriptions")).isEmpty();
    }

    // ---- actions -----------------------------------------------------------------------------------------------------

    @Test
    void resolvingAFailedEvent_withANote_makesItResolved_andTheActionIsInItsTimeline() throws Exception {
        start(true);
        journal.recordNew(failed("t1", T0));

        HttpResponse<String> withoutNote = post("/api/v1/admin/events/t1/resolve", "{}");
        HttpResponse<String> resolved = post("/api/v1/admin/events/t1/resolve", "{\"note\":\"refunded by hand\"}");
        HttpResponse<String> again = post("/api/v1/admin/events/t1/resolve", "{\"note\":\"twice\"}");

        assertThat(withoutNote.statusCode()).isEqualTo(400);
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode detail = body(resolved);
        assertThat(detail.get("event").get("state").asText()).isEqualTo("RESOLVED");
        JsonNode action = detail.get("timeline").get(detail.get("timeline").size() - 1);
        assertThat(action.get("kind").asText()).isEqualTo("OPERATOR_ACTION");
        assertThat(action.get("action").asText()).isEqualTo("RESOLVE");
        assertThat(action.get("actor").asText()).isEqualTo("admin");
        assertThat(action.get("note").asText()).isEqualTo("refunded by hand");
        assertThat(action.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("error").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void retryingAWaitingEvent_andRedeliveringAParkedOne_areJournaled_andTheParkedResultIsPosted() throws Exception {
        start(true);
        JournalEntry waiting = EventJournalContract.received("t-wait", T0).processing(T0)
                .waiting(new Outcome.InProgress("provisioning"), T0.plus(Duration.ofHours(5)), T0);
        journal.recordNew(waiting);
        journal.recordNew(completed("t-park", T0).answeredAsynchronously(T0).parked(T0));

        HttpResponse<String> retried = post("/api/v1/admin/events/t-wait/retry", "");
        HttpResponse<String> redelivered = post("/api/v1/admin/events/t-park/redeliver", "{\"note\":\"AppDirect is back\"}");

        assertThat(retried.statusCode()).isEqualTo(200);
        JsonNode retry = body(retried).get("timeline").get(1);
        assertThat(retry.get("action").asText()).isEqualTo("RETRY");
        assertThat(retry.get("note").isNull()).isTrue();
        assertThat(body(retried).get("event").get("nextAttemptAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(body(redelivered).get("timeline").get(1).get("note").asText()).isEqualTo("AppDirect is back");
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("t-park COMPLETED c1:bob");
    }

    @Test
    void anActionOnAnEventInTheWrongState_is409_onAnUnknownEvent404_andABadBody400() throws Exception {
        start(true);
        journal.recordNew(completed("t-done", T0));

        HttpResponse<String> retry = post("/api/v1/admin/events/t-done/retry", "");
        HttpResponse<String> redeliver = post("/api/v1/admin/events/t-done/redeliver", "");
        HttpResponse<String> unknown = post("/api/v1/admin/events/t-unknown/retry", "");
        HttpResponse<String> notJson = post("/api/v1/admin/events/t-done/retry", "note=x");
        HttpResponse<String> tooLong = post("/api/v1/admin/events/t-done/retry", "{\"note\":\"" + "x".repeat(1001) + "\"}");

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(body(retry).get("message").asText()).contains("COMPLETED");
        assertThat(redeliver.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(body(get("/api/v1/admin/events/t-done")).get("timeline")).hasSize(1);
    }
}
