package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator follows and handles events through the admin API of the real connector, against WireMock upstreams. */
class AdminEndToEndTest {

    private static final String ADMIN = "ops:admin-password";
    /** The trackingId of Webex's error bodies (webex/error.json). */

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void upstreams() {
        upstreams = new Upstreams();
    }

    private void start() {
        Map<String, String> settings = upstreams.settings();
        settings.put("ADMIN_USERNAME", "ops");
        settings.put("ADMIN_PASSWORD", "admin-password");
        settings.put("PROVISIONING_WAIT_MS", "0");
        settings.put("RESPONSE_BUDGET_MS", "1000");
        connector = Connector.start(Settings.load(settings, Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        upstreams.close();
    }

    private HttpResponse<String> notify(String eventUrl) throws Exception {
        return client.send(Upstreams.notification(connector.port(), "/api/v1/events", eventUrl),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.port() + "/api/v1/admin" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode event(String token) throws Exception {
        HttpResponse<String> answer = client.send(admin("/events/" + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private JsonNode act(String token, String action, String body) throws Exception {
        HttpResponse<String> answer = client.send(admin("/events/" + token + "/" + action)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static JsonNode last(JsonNode detail) {
        JsonNode timeline = detail.get("timeline");
        return timeline.get(timeline.size() - 1);
    }

    private String state(String token) {
        try {
            return event(token).get("event").get("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrderWebexRefuses_showsWhyInItsTimeline_andIsResolvedWithANote() throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.webex.stubFor(post("/v1/wholesale/subscribers").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(Upstreams.webexError("The package webex_meetings is not enabled for this customer", 4003))));
        start();

        HttpResponse<String> answer = notify(upstreams.publish("refused-1", "order.json", Map.of()));

        assertThat(answer.body()).contains("\"success\":false");
        JsonNode failed = event("refused-1");
        assertThat(failed.get("event").get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("event").get("company").get("name").asText()).isNotBlank();
        JsonNode attempt = last(failed);
        assertThat(attempt.get("kind").asText()).isEqualTo("ATTEMPT");
        assertThat(attempt.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(attempt.get("reason").asText()).isEqualTo("UPSTREAM_REJECTED");
        assertThat(attempt.get("message").asText()).contains("not enabled for this customer");
        assertThat(attempt.get("trackingId").asText()).isEqualTo(Upstreams.WEBEX_TRACKING_ID);
        assertThat(attempt.get("upstreamStatus").asInt()).isEqualTo(400);

        JsonNode resolved = act("refused-1", "resolve", "{\"note\":\"package enabled in Partner Hub; buyer told to order again\"}");

        assertThat(resolved.get("event").get("state").asText()).isEqualTo("RESOLVED");
        JsonNode action = last(event("refused-1"));
        assertThat(action.get("kind").asText()).isEqualTo("OPERATOR_ACTION");
        assertThat(action.get("action").asText()).isEqualTo("RESOLVE");
        assertThat(action.get("actor").asText()).isEqualTo("ops");
        assertThat(action.get("note").asText()).isEqualTo("package enabled in Partner Hub; buyer told to order again");
    }

    @Test
    void aFirstOrderWaitingForWebexToProvision_isRetriedByTheOperator_andCompletesBeforeItsNextBackoff() throws Exception {
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        upstreams.resultsAccepted();
        start();

        assertThat(notify(upstreams.publish("waiting-1", "order.json", Map.of())).statusCode()).isEqualTo(202);
        Upstreams.await("the order to wait for Webex", () -> state("waiting-1").equals("WAITING"));
        Instant nextBackoff = Instant.parse(event("waiting-1").get("event").get("nextAttemptAt").asText());
        upstreams.finishProvisioning();

        JsonNode retried = act("waiting-1", "retry", "{\"note\":\"Partner Hub shows the customer ready\"}");

        assertThat(last(retried).get("action").asText()).isEqualTo("RETRY");
        Upstreams.await("the result", () -> upstreams.resultPosts("waiting-1") == 1);
        Upstreams.await("the delivery to be journaled", () -> {
            try {
                return event("waiting-1").get("event").get("resultDelivered").asBoolean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode done = event("waiting-1");
        assertThat(done.get("event").get("state").asText()).isEqualTo("COMPLETED");
        JsonNode timeline = done.get("timeline");
        int retry = -1;
        for (int i = 0; i < timeline.size(); i++) {
            if ("RETRY".equals(timeline.get(i).get("action").asText(null))) {
                retry = i;
            }
        }
        JsonNode attempt = timeline.get(retry + 1);
        assertThat(attempt.get("kind").asText()).isEqualTo("ATTEMPT");
        assertThat(attempt.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(attempt.get("at").asText())).as("attempted at the operator's retry, not at the backoff")
                .isBefore(nextBackoff);
        assertThat(last(done).get("kind").asText()).isEqualTo("RESULT_DELIVERY");
    }
}
