package com.marketbridge.bootstrap;

import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static com.marketbridge.bootstrap.Upstreams.CUSTOMER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of the real wiring, after an order driven over HTTP against WireMock AppDirect and Webex. */
class MetricsEndToEndTest {

    private static final String METRICS_TOKEN = "scrape-token-of-the-test";

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void start() {
        upstreams = new Upstreams();
        Map<String, String> settings = upstreams.settings();
        settings.put("METRICS_TOKEN", METRICS_TOKEN);
        connector = Connector.start(Settings.load(settings, Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        connector.close();
        upstreams.close();
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.port() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = scrape("Bearer " + METRICS_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private boolean scrapeContains(String line) {
        try {
            return scrape().contains(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void afterAnOrder_theScrapeCountsItCompleted_timesEveryUpstreamCallByOperationAndStatus_andTheRequestsServed()
            throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("order-metrics-1", "order.json", Map.of());

        HttpResponse<String> answer = client.send(Upstreams.notification(connector.port(), "/subscription_receiver?eventType=create",
                eventUrl), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"success\":true");
        // the request is reported once its answer is sent, the finished event once its ticket is answered
        Upstreams.await("the notification reported as served", () -> scrapeContains(
                "marketbridge_http_server_requests_seconds_count{method=\"GET\",route=\"/subscription_receiver\",status=\"200\"} 1"));
        Upstreams.await("the order reported as finished", () -> scrapeContains(
                "marketbridge_events_finished_total{outcome=\"completed\",reason=\"none\",type=\"SUBSCRIPTION_ORDER\"} 1.0"));

        String scrape = scrape();

        assertThat(scrape)
                .contains("marketbridge_events_total{outcome=\"completed\",reason=\"none\",type=\"SUBSCRIPTION_ORDER\"} 1.0")
                .contains("marketbridge_answer_seconds_count{outcome=\"completed\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"TokenEndpoint#grant\",status=\"200\",upstream=\"appdirect\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"AppDirectIntegrationApi#event\",status=\"200\",upstream=\"appdirect\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"WebexApi#customers\",status=\"200\",upstream=\"webex\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"WebexApi#validateSubscriber\",status=\"200\",upstream=\"webex\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"WebexApi#createSubscriber\",status=\"200\",upstream=\"webex\"} 1")
                .contains("marketbridge_journal_write_out_seconds_count ")
                // read from the journal at most every 5 s: the order may be counted yet or not, but the read worked
                .containsPattern("marketbridge_journal_events\\{state=\"COMPLETED\"} [01]\\.0")
                .contains("marketbridge_journal_events{state=\"RESOLVED\"} 0.0")
                .contains("marketbridge_journal_oldest_waiting_age_seconds 0.0")
                .contains("marketbridge_jvm_memory_used_bytes{")
                .doesNotContain(ALICE, "contoso", COMPANY, CUSTOMER_ID, "order-metrics-1", METRICS_TOKEN, "webex-static-token",
                        "appdirect-token-1", Upstreams.BASIC_PASSWORD, "oauth-client-secret");
    }

    @Test
    void withMetricsTokenSet_aScrapeWithoutItOrWithAnotherIsRefused() throws Exception {
        HttpResponse<String> without = scrape(null);
        HttpResponse<String> wrong = scrape("Bearer not-" + METRICS_TOKEN);

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("\"error\":\"UNAUTHORIZED\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(scrape()).contains("# TYPE marketbridge_");
    }
}
