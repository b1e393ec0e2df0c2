package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector with its journal in PostgreSQL (DATABASE_URL), through the real wiring over HTTP, on a server of its
 * own that the test stops and starts again: /ready follows the database, a notification while it is away gets a
 * clear answer and nothing is done at Webex, and once it is back the connector carries the event out, without a
 * restart; two connectors sharing it both come back and finish the work accepted before, once.
 */
class PostgresEndToEndTest {

    private static final String STORAGE_UNAVAILABLE = "{\"success\":false,\"errorCode\":\"CONFIGURATION_ERROR\","
            + "\"message\":\"The connector's storage is unavailable (PostgreSQL: ";

    @TempDir
    Path databaseFolder;

    private final HttpClient client = HttpClient.newHttpClient();
    private int databasePort;
    private EmbeddedPostgres database;
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            databasePort = socket.getLocalPort();
        }
        startDatabase();
        upstreams = new Upstreams();
        upstreams.resultsAccepted();
        upstreams.precheckSucceeds();
    }

    private void startDatabase() throws IOException {
        database = EmbeddedPostgres.builder().setDataDirectory(databaseFolder).setCleanDataDirectory(false)
                .setPort(databasePort).setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterEach
    void stop() throws IOException {
        if (connector != null) {
            connector.close();
        }
        upstreams.close();
        database.close();
    }

    private Connector startConnector() {
        return startConnector(Map.of());
    }

    private Connector startConnector(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(upstreams.settings());
        environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres");
        environment.put("DATABASE_USERNAME", "postgres");
        environment.put("DATABASE_PASSWORD", "unused-by-trust-auth");
        environment.putAll(more);
        return Connector.start(Settings.load(environment, Path.of("no-such.env")));
    }

    private HttpResponse<String> notify(String eventUrl) throws Exception {
        return client.send(Upstreams.notification(connector.port(), "/api/v1/events", eventUrl), HttpResponse.BodyHandlers.ofString());
    }

    private boolean isReady() {
        return Upstreams.isReady(connector.port());
    }

    @Test
    void anOrder_isJournaledInPostgreSQL_andARedeliveryAfterARestartIsAnsweredFromIt() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberCreatedFor(ALICE, "webex_meetings");
        connector = startConnector();
        String order = upstreams.publish("pg-order", "order.json", Map.of());

        HttpResponse<String> answer = notify(order);
        connector.close();
        connector = startConnector();
        HttpResponse<String> redelivered = notify(order);

        assertThat(answer.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + ALICE
                + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}");
        assertThat(redelivered.body()).isEqualTo(answer.body());
        assertThat(upstreams.subscriberCreates(ALICE)).isEqualTo(1);
    }

    @Test
    void whilePostgreSQLIsAway_readyIs503_andANotificationIsAnsweredClearly_thenTheEventIsDoneOnceItIsBack() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberCreatedFor(BOB, "webex_meetings");
        connector = startConnector();
        String order = upstreams.publish("pg-away", "order.json", Map.of("email", BOB));
        assertThat(isReady()).isTrue();

        database.close();
        Upstreams.await("/ready 503 with PostgreSQL away", () -> !isReady());
        HttpResponse<String> refused = notify(order);
        int createsWhileAway = upstreams.subscriberCreates(BOB);
        startDatabase();
        Upstreams.await("/ready 200 without a restart", this::isReady);
        HttpResponse<String> sentAgain = notify(order);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).startsWith(STORAGE_UNAVAILABLE);
        assertThat(createsWhileAway).isZero();
        assertThat(sentAgain.body()).contains("\"success\":true", COMPANY + ":" + BOB);
        assertThat(upstreams.subscriberCreates(BOB)).isEqualTo(1);
    }

    @Test
    void postgreSQLRestartedUnderTwoConnectors_bothComeBack_andAFirstOrderAcceptedBeforeIsFinishedOnce() throws Exception {
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.subscriberCreatedFor(ALICE, "webex_meetings");
        Map<String, String> sharing = Map.of("LEASE_SECONDS", "2", "PROVISIONING_WAIT_MS", "0", "RESPONSE_BUDGET_MS", "1000");
        connector = startConnector(sharing);
        try (Connector other = startConnector(sharing)) {
            String order = upstreams.publish("pg-restart", "order.json", Map.of());
            HttpResponse<String> accepted = notify(order);
            Upstreams.await("the customer being created", () -> upstreams.customerCreates() > 0);

            database.close();
            Upstreams.await("/ready 503 on both", () -> !isReady() && !Upstreams.isReady(other.port()));
            startDatabase();
            Upstreams.await("/ready 200 on both without a restart", () -> isReady() && Upstreams.isReady(other.port()));
            upstreams.finishProvisioning();
            Upstreams.await("the result", () -> upstreams.resultPosts("pg-restart") == 1);
            // a connector finishes its attempts and result POSTs before it stops: nothing more can come after these
            connector.close();
            other.close();

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(upstreams.resultPosts("pg-restart")).isEqualTo(1);
            upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
            assertThat(upstreams.subscriberCreates(ALICE)).isEqualTo(1);
        }
    }
}
