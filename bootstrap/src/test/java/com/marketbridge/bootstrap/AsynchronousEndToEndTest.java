package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static com.marketbridge.bootstrap.Upstreams.OTHER_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders that outlast AppDirect's 5 seconds, through the real wiring and a real journal: answered 202, then
 * finished by the worker, which posts the result. The connector retries a waiting event after 5 s, a Webex call
 * after its 30 s deadline.
 */
class AsynchronousEndToEndTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void start() {
        upstreams = new Upstreams();
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        Map<String, String> settings = upstreams.settings();
        settings.put("PROVISIONING_WAIT_MS", "0");
        settings.put("RESPONSE_BUDGET_MS", "1000");
        connector = Connector.start(Settings.load(settings, Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        connector.close();
        upstreams.close();
    }

    private HttpResponse<String> notify(String eventUrl) throws Exception {
        return client.send(request(eventUrl), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String eventUrl) {
        return Upstreams.notification(connector.port(), "/api/v1/events", eventUrl);
    }

    @Test
    void aFirstOrderIsAccepted202ThenItsResultIsPostedOnceTheCustomerIsProvisioned() throws Exception {
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("async-1", "order.json", Map.of());

        HttpResponse<String> response = notify(eventUrl);
        upstreams.finishProvisioning();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"success\":true", "is being set up");
        Upstreams.await("the result", () -> upstreams.resultPosts("async-1") == 1);
        upstreams.appDirect.verify(postRequestedFor(urlEqualTo("/api/integration/v1/events/async-1/result"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer appdirect-token-1"))
                .withRequestBody(equalToJson("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + ALICE
                        + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void aDuplicateDeliveryIsAccepted202WhileRunningAndAnsweredWithTheResultAfterwards() throws Exception {
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("async-2", "order.json", Map.of());

        HttpResponse<String> first = notify(eventUrl);
        HttpResponse<String> whileRunning = notify(eventUrl);
        upstreams.finishProvisioning();
        Upstreams.await("the result", () -> upstreams.resultPosts("async-2") == 1);
        HttpResponse<String> afterwards = notify(eventUrl);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(whileRunning.statusCode()).isEqualTo(202);
        assertThat(whileRunning.body()).isEqualTo(first.body());
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(afterwards.body()).contains("\"success\":true", COMPANY + ":" + ALICE);
        upstreams.appDirect.verify(1, getRequestedFor(urlEqualTo("/api/integration/v1/events/async-2")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(upstreams.resultPosts("async-2")).isEqualTo(1);
    }

    private List<HttpResponse<String>> notifyTwiceAtOnce(String eventUrl) throws Exception {
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(request(eventUrl), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = client.sendAsync(request(eventUrl), HttpResponse.BodyHandlers.ofString());
        return List.of(first.get(), second.get());
    }

    @Test
    void twoDeliveriesOfAnOrderAtOnce_whileWebexIsFast_areBothAnswered200WithItsOutcome_andNothingIsPosted() throws Exception {
        upstreams.customerProvisioned();
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("async-twice-fast", "order.json", Map.of());

        List<HttpResponse<String>> answers = notifyTwiceAtOnce(eventUrl);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body()).contains("\"success\":true", COMPANY + ":" + ALICE);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(upstreams.resultPosts("async-twice-fast")).isZero();
    }

    @Test
    void twoDeliveriesOfAFirstOrderAtOnce_whileWebexProvisions_areBothAnswered202Alike_andOneResultIsPosted() throws Exception {
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("async-twice-slow", "order.json", Map.of());

        List<HttpResponse<String>> answers = notifyTwiceAtOnce(eventUrl);
        upstreams.finishProvisioning();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(202));
        assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body()).contains("is being set up");
        Upstreams.await("the result", () -> upstreams.resultPosts("async-twice-slow") == 1);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(upstreams.resultPosts("async-twice-slow")).isEqualTo(1);
    }

    @Test
    void aResultPostThatFailsTwiceIsRetriedUntilAppDirectAcceptsIt() throws Exception {
        String result = "/api/integration/v1/events/async-3/result";
        upstreams.appDirect.stubFor(post(result).inScenario("result").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        upstreams.appDirect.stubFor(post(result).inScenario("result").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        upstreams.appDirect.stubFor(post(result).inScenario("result").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        String eventUrl = upstreams.publish("async-3", "order.json", Map.of());

        assertThat(notify(eventUrl).statusCode()).isEqualTo(202);
        upstreams.finishProvisioning();

        Upstreams.await("three result posts", () -> upstreams.resultPosts("async-3") == 3);
        Thread.sleep(500);
        assertThat(upstreams.resultPosts("async-3")).isEqualTo(3);
    }

    @Test
    void twentyConcurrentFirstOrdersOfOneCompanyCreateOneCustomerAndTwentySubscribers() throws Exception {
        upstreams.resultsAccepted();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String eventUrl = upstreams.publish("many-" + i, "order.json", Map.of("email", "user" + i + "@contoso.test"));
            answers.add(client.sendAsync(request(eventUrl), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(202);
        }
        upstreams.finishProvisioning();

        Upstreams.await("twenty results", () -> upstreams.appDirect.findAll(
                postRequestedFor(urlMatching("/api/integration/v1/events/many-\\d+/result"))).size() == 20);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(20, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void aCustomerLookupTricklingInIsAccepted202_otherCompaniesAreServedMeanwhile_andItsResultFollowsOnceItIsFixed()
            throws Exception {
        // a minute of trickle in 20 pieces, each well within the 20 s read timeout
        upstreams.webex.stubFor(Upstreams.findCustomer().willReturn(okJson("{\"items\":[]}" + " ".repeat(100))
                .withChunkedDribbleDelay(20, 60_000)));
        upstreams.customerProvisioned(OTHER_COMPANY);
        upstreams.subscriberCreatedFor(BOB, "webex_meetings");
        upstreams.resultsAccepted();
        long start = System.nanoTime();

        HttpResponse<String> accepted = notify(upstreams.publish("trickle-1", "order.json", Map.of()));
        HttpResponse<String> otherCompany = notify(upstreams.publish("trickle-other", "order.json",
                Map.of("company", OTHER_COMPANY, "email", BOB)));
        Duration otherServedAfter = Duration.ofNanos(System.nanoTime() - start);
        upstreams.customerProvisioned();
        Upstreams.await("the result", () -> upstreams.resultPosts("trickle-1") == 1);
        Duration resultPostedAfter = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> sameCompanyAfterwards = notify(upstreams.publish("trickle-2", "order.json", Map.of()));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(otherCompany.body()).contains("\"success\":true", OTHER_COMPANY + ":" + BOB);
        assertThat(otherServedAfter).isLessThan(Duration.ofSeconds(15));
        assertThat(resultPostedAfter).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        upstreams.appDirect.verify(postRequestedFor(urlEqualTo("/api/integration/v1/events/trickle-1/result"))
                .withRequestBody(equalToJson("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + ALICE
                        + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}")));
        assertThat(sameCompanyAfterwards.body()).contains("\"success\":true", COMPANY + ":" + ALICE);
    }
}
