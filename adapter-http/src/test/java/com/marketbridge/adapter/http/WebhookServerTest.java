package com.marketbridge.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookServerTest {

    private static final String SCRAPE = "# TYPE marketbridge_events_total counter\nmarketbridge_events_total 1.0\n";
    private static final String EVENT_URL = "https://acme.example.com/api/integration/v1/events/7d0c6f6e";
    /** Renders the outcome's kind and reason, so the tests see what the endpoint passed on. */
    private static final MarketplaceAnswers ANSWERS = outcome -> {
        if (outcome instanceof Outcome.Completed done) {
            return new MarketplaceAnswers.Answer(true, done.accountIdentifier(), null, done.message());
        }
        String code = outcome instanceof Outcome.Failed failed ? failed.reason().name() : "PENDING";
        return new MarketplaceAnswers.Answer(false, null, code, outcome.message());
    };

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<HandleMarketplaceEventCommand> commands = new ArrayList<>();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    /** The requests the server said it served: {@code "<method> <route> <status>"}. */
    private final BlockingQueue<String> served = new LinkedBlockingQueue<>();
    private WebhookServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Function<HandleMarketplaceEventCommand, Outcome> useCase, URI publicBaseUrl) {
        startWith(useCase, HttpSettings.of("127.0.0.1", 0, publicBaseUrl));
    }

    private void startWith(Function<HandleMarketplaceEventCommand, Outcome> useCase, HttpSettings settings) {
        server = WebhookServer.start(settings,
                command -> {
                    commands.add(command);
                    return useCase.apply(command);
                }, ANSWERS, ready::get, new HttpMetrics(() -> SCRAPE,
                        (method, route, status, took) -> served.add(method + " " + route + " " + status)));
    }

    private void startWithMetricsToken(String token) {
        startWith(command -> new Outcome.Completed("c1:bob@contoso.test", "done"),
                HttpSettings.of("127.0.0.1", 0, null).withMetricsToken(new Secret(token)));
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next request the server said it served; it hears of it once the answer is sent. */
    private String nextServed() throws InterruptedException {
        String next = served.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a request reported as served").isNotNull();
        return next;
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A GET whose query is sent byte for byte: the JDK HttpClient only takes a valid {@link URI}, so it cannot send a
     * stray '%'. Returns the status line's code and the body.
     */
    private Map.Entry<Integer, String> sendRaw(String pathAndQuery, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            return Map.entry(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    /** What the server writes to standard error (slf4j-simple's output) while {@code call} runs. */
    private static String errorOutputOf(IoCall call) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface IoCall {
        void run() throws IOException;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void withoutAMetricsToken_metricsAreServedToAnyScraper_inPrometheussTextFormat() throws Exception {
        start(command -> new Outcome.Completed("c1:bob@contoso.test", "done"), null);

        HttpResponse<String> response = scrape(null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(SCRAPE);
    }

    @Test
    void withAMetricsToken_aScrapeWithoutItOrWithAnotherIsRefused401InJson_andOneWithItServed() throws Exception {
        startWithMetricsToken("scrape-token-1");

        for (String refused : new String[] {null, "Bearer scrape-token-2", "Bearer scrape-token-", "Bearer ",
                "Basic c2NyYXBlLXRva2VuLTE=", "scrape-token-1"}) {
            HttpResponse<String> response = scrape(refused);
            assertThat(response.statusCode()).as(refused).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"MarketBridge metrics\"");
            assertThat(response.body()).isEqualTo("{\"error\":\"UNAUTHORIZED\",\"message\":"
                    + "\"/metrics needs the header Authorization: Bearer <METRICS_TOKEN>\"}");
        }
        HttpResponse<String> allowed = scrape("Bearer scrape-token-1");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(SCRAPE);
    }

    @Test
    void everyRequestAnsweredIsReported_underItsRoutesTemplate_neverItsRawPath() throws Exception {
        start(command -> new Outcome.Completed("c1:bob@contoso.test", "done"), null);

        send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));
        assertThat(nextServed()).isEqualTo("GET /subscription_receiver 200");
        send("POST", "/api/v1/events?eventUrl=" + encoded(EVENT_URL));
        assertThat(nextServed()).isEqualTo("POST /api/v1/events 200");
        send("GET", "/health");
        assertThat(nextServed()).isEqualTo("GET /health 200");
        send("GET", "/events/7d0c6f6e/bob@contoso.test");
        assertThat(nextServed()).isEqualTo("GET NOT_FOUND 404");
        ready.set(false);
        send("GET", "/ready");
        assertThat(nextServed()).isEqualTo("GET /ready 503");
    }

    @Test
    void jettySizesItsCacheLinePaddingWithoutStartingJmx() {
        start(command -> new Outcome.Completed("c1:bob@contoso.test", "done"), null);

        // set before Jetty first asks, so its MemoryUtils never reaches for the platform MBean server
        assertThat(System.getProperty(WebhookServer.REFERENCES_PER_CACHE_LINE)).isEqualTo("16");
        assertThat(org.eclipse.jetty.util.MemoryUtils.getReferencesPerCacheLine()).isEqualTo(16);
    }

    @Test
    void theDemoUrlPassesTheNotificationToTheUseCaseAndAnswersItsOutcomeAsJson() throws Exception {
        start(command -> new Outcome.Completed("c1:bob@contoso.test", "bob@contoso.test is subscribed to webex_meetings"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL) + "&eventType=create");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(
                "{\"success\":true,\"accountIdentifier\":\"c1:bob@contoso.test\",\"message\":\"bob@contoso.test is subscribed to webex_meetings\"}");
        HandleMarketplaceEventCommand command = commands.get(0);
        assertThat(command.eventUrl()).isEqualTo(EVENT_URL);
        assertThat(command.notification().method()).isEqualTo("GET");
        assertThat(command.notification().header("authorization")).contains("Basic dXNlcjpwYXNz");
        assertThat(command.notification().queryParameter("eventType")).contains("create");
        assertThat(command.notification().url().getPath()).isEqualTo("/subscription_receiver");
    }

    @Test
    void theNeutralUrlAcceptsPostAndTheUrlParameterName() throws Exception {
        start(command -> new Outcome.Completed(null, "done"), null);

        HttpResponse<String> response = send("POST", "/api/v1/events?url=" + encoded(EVENT_URL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.eventUrl()).isEqualTo(EVENT_URL);
            assertThat(command.notification().method()).isEqualTo("POST");
        });
    }

    @Test
    void aMissingEventUrlReachesTheUseCaseAsNullSoItIsAnsweredNotCrashedOn() throws Exception {
        start(command -> new Outcome.Failed(FailureReason.INVALID_EVENT, "The notification has no eventUrl parameter"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventType=create");

        assertThat(commands).singleElement().satisfies(command -> assertThat(command.eventUrl()).isNull());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":false", "\"errorCode\":\"INVALID_EVENT\"");
    }

    @Test
    void anUnauthenticatedNotificationIsAnswered401WithJson() throws Exception {
        start(command -> new Outcome.Failed(FailureReason.UNAUTHORIZED, "The notification is not authenticated: wrong credentials"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(
                "{\"success\":false,\"errorCode\":\"UNAUTHORIZED\",\"message\":\"The notification is not authenticated: wrong credentials\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventUrl=%", "eventUrl=%zz&eventType=create"})
    void anUndecodableQueryIsStillAuthenticatedFirstSoAStrangerGetsThe401(String query) throws Exception {
        start(command -> new Outcome.Failed(FailureReason.UNAUTHORIZED, "The notification is not authenticated: no credentials"), null);
        List<Map.Entry<Integer, String>> responses = new ArrayList<>();

        String log = errorOutputOf(() -> responses.add(sendRaw("/subscription_receiver?" + query, null)));

        assertThat(responses.get(0).getKey()).isEqualTo(401);
        assertThat(responses.get(0).getValue()).isEqualTo(
                "{\"success\":false,\"errorCode\":\"UNAUTHORIZED\",\"message\":\"The notification is not authenticated: no credentials\"}");
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.notification().undecodableParameters()).containsExactly("eventUrl");
            assertThat(command.eventUrl()).isNull();
        });
        assertThat(log).doesNotContain("Exception", "\tat ").containsOnlyOnce("WARN");
    }

    @Test
    void anUndecodableParameterKeepsTheOthersAndTheUrlOfTheCall() throws Exception {
        start(command -> new Outcome.Failed(FailureReason.INVALID_EVENT, "The query parameter eventUrl could not be decoded"), null);

        Map.Entry<Integer, String> response = sendRaw("/subscription_receiver?eventUrl=%zz&eventType=create", "Basic dXNlcjpwYXNz");

        assertThat(response.getKey()).isEqualTo(200);
        assertThat(response.getValue()).isEqualTo(
                "{\"success\":false,\"errorCode\":\"INVALID_EVENT\",\"message\":\"The query parameter eventUrl could not be decoded\"}");
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.notification().queryParameter("eventType")).contains("create");
            assertThat(command.notification().header("Authorization")).contains("Basic dXNlcjpwYXNz");
            assertThat(command.notification().url().getPath()).isEqualTo("/subscription_receiver");
        });
    }

    @Test
    void workStillGoingOnIsAnswered202() throws Exception {
        start(command -> new Outcome.InProgress("The Webex organization is \"being\" set up"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo(
                "{\"success\":false,\"errorCode\":\"PENDING\",\"message\":\"The Webex organization is \\\"being\\\" set up\"}");
    }

    @Test
    void businessFailuresAreAnswered200() throws Exception {
        start(command -> new Outcome.Failed(FailureReason.USER_NOT_FOUND, "bob@contoso.test is not a Webex subscriber"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"errorCode\":\"USER_NOT_FOUND\"");
    }

    @Test
    void anUnexpectedFailureIsAnsweredAsJsonWithAReferenceAndNoStackTrace() throws Exception {
        start(command -> {
            throw new IllegalStateException("boom at com.marketbridge.Secret");
        }, null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"errorCode\":\"INTERNAL_ERROR\"", "reference ")
                .doesNotContain("boom", "IllegalStateException", "at com.");
    }

    @Test
    void thePublicBaseUrlReplacesTheLocalOneInTheNotification() throws Exception {
        start(command -> new Outcome.Completed(null, "done"), URI.create("https://connector.example.net/"));

        send("GET", "/subscription_receiver?eventUrl=" + encoded(EVENT_URL));

        assertThat(commands.get(0).notification().url())
                .isEqualTo(URI.create("https://connector.example.net/subscription_receiver?eventUrl=" + encoded(EVENT_URL)));
    }

    @Test
    void healthIsAlwaysUpAndReadinessFollowsTheConnectorsState() throws Exception {
        start(command -> new Outcome.Completed(null, "done"), null);

        assertThat(send("GET", "/health").body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> readyResponse = send("GET", "/ready");
        assertThat(readyResponse.statusCode()).isEqualTo(200);
        assertThat(readyResponse.body()).isEqualTo("{\"status\":\"READY\"}");

        ready.set(false);
        HttpResponse<String> notReady = send("GET", "/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"status\":\"NOT_READY\"}");
        assertThat(commands).isEmpty();
    }

    @Test
    void anUnknownPathIsAJson404() throws Exception {
        start(command -> new Outcome.Completed(null, "done"), null);

        HttpResponse<String> response = send("GET", "/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":\"NOT_FOUND\"}");
    }

    @Test
    void closingTheServerLetsANotificationInFlightFinish() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        start(command -> {
            handling.countDown();
            sleep(Duration.ofMillis(700));
            return new Outcome.Completed(null, "finished while stopping");
        }, null);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/subscription_receiver?eventUrl=" + encoded(EVENT_URL))).build();

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
        server.close();

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("finished while stopping");
    }

    @Test
    void anOverlongUrlIsRefusedWithoutReachingTheUseCase() throws Exception {
        start(command -> new Outcome.Completed(null, "done"), null);

        HttpResponse<String> response = send("GET", "/subscription_receiver?eventUrl=" + "x".repeat(20_000));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"HTTP 414 URI Too Long\"}");
        assertThat(commands).isEmpty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
