package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.adapter.jdbc.PostgresSettings;
import com.marketbridge.adapter.jdbc.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two connectors on one PostgreSQL database, through the real wiring over HTTP: the marketplace's notifications
 * spread over both, as a load balancer with nothing sticky spreads them.
 */
class TwoConnectorsEndToEndTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector first;
    private Connector second;

    @BeforeEach
    void start() {
        upstreams = new Upstreams();
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.resultsAccepted();
        PostgresSettings database = TestPostgres.newDatabase();
        Map<String, String> settings = upstreams.settings();
        settings.put("DATABASE_URL", database.url());
        settings.put("DATABASE_USERNAME", database.username());
        settings.put("DATABASE_PASSWORD", database.password().value());
        settings.put("LEASE_SECONDS", "2");
        settings.put("PROVISIONING_WAIT_MS", "0");
        settings.put("RESPONSE_BUDGET_MS", "1000");
        first = Connector.start(Settings.load(settings, Path.of("no-such.env")));
        second = Connector.start(Settings.load(settings, Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        upstreams.close();
    }

    private CompletableFuture<HttpResponse<String>> notify(Connector connector, String eventUrl) {
        return client.sendAsync(Upstreams.notification(connector.port(), "/api/v1/events", eventUrl),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Webex provisions the customer only once it was asked to create it. */
    private void awaitTheCustomerBeingCreated() throws InterruptedException {
        Upstreams.await("the customer being created", () -> upstreams.customerCreates() > 0);
    }

    @Test
    void twentyConcurrentFirstOrdersOfOneCompany_splitOverBoth_createOneCustomerAndTwentySubscribers_eachResultOnce()
            throws Exception {
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String eventUrl = upstreams.publish("shared-" + i, "order.json", Map.of("email", "user" + i + "@contoso.test"));
            answers.add(notify(i % 2 == 0 ? first : second, eventUrl));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
        }
        awaitTheCustomerBeingCreated();
        upstreams.finishProvisioning();

        Upstreams.await("twenty results", () -> upstreams.appDirect.findAll(
                postRequestedFor(urlMatching("/api/integration/v1/events/shared-\\d+/result"))).size() == 20);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(20, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        for (int i = 0; i < 20; i++) {
            assertThat(upstreams.resultPosts("shared-" + i)).as("result of shared-" + i).isEqualTo(1);
        }
    }

    @Test
    void theSameFirstOrderDeliveredToBothAtOnce_isDoneOnce_bothAreAnsweredAccepted_andOneResultIsPosted()
            throws Exception {
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("shared-twice", "order.json", Map.of());

        CompletableFuture<HttpResponse<String>> toFirst = notify(first, eventUrl);
        CompletableFuture<HttpResponse<String>> toSecond = notify(second, eventUrl);
        assertThat(toFirst.get().statusCode()).as(toFirst.get().body()).isEqualTo(202);
        assertThat(toSecond.get().statusCode()).as(toSecond.get().body()).isEqualTo(202);
        awaitTheCustomerBeingCreated();
        upstreams.finishProvisioning();

        Upstreams.await("the result", () -> upstreams.resultPosts("shared-twice") == 1);
        // a connector finishes its attempts and result POSTs before it stops: nothing more can come after these
        first.close();
        second.close();
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(upstreams.resultPosts("shared-twice")).isEqualTo(1);
    }
}
