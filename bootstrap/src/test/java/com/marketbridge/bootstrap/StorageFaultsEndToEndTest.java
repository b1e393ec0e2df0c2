package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.marketbridge.adapter.jdbc.FaultyDisk;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector on a disk that fills up ({@link FaultyDisk}), through the real wiring over HTTP: {@code /ready} turns
 * 503 at once, notifications are answered that the storage is unavailable, nothing is done at Webex for an event the
 * journal could not record, and once the disk takes writes again the connector is ready without a restart and carries
 * out each event once.
 */
class StorageFaultsEndToEndTest {

    private static final String STORAGE_UNAVAILABLE = "{\"success\":false,\"errorCode\":\"CONFIGURATION_ERROR\","
            + "\"message\":\"The connector's storage is unavailable (No space left on device), so it cannot take events now"
            + " and did nothing for this notification; the event is handled when it is sent again once the storage is back.\"}";

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void startUpstreams() {
        upstreams = new Upstreams();
        upstreams.customerProvisioned();
        upstreams.resultsAccepted();
    }

    @AfterEach
    void stop() {
        FaultyDisk.repair();
        if (connector != null) {
            connector.close();
        }
        upstreams.close();
    }

    private Connector start() {
        return Connector.start(Settings.load(upstreams.settings(), Path.of("no-such.env")), FaultyDisk.storage(upstreams.dataDir));
    }

    private HttpResponse<String> notify(String eventUrl) throws Exception {
        return client.send(Upstreams.notification(connector.port(), "/api/v1/events", eventUrl), HttpResponse.BodyHandlers.ofString());
    }

    private int ready() throws Exception {
        return Upstreams.readiness(connector.port());
    }

    private boolean isReady() {
        return Upstreams.isReady(connector.port());
    }

    @Test
    void aFullDisk_turnsReadyTo503AtOnce_andANotificationIsAnsweredThatTheStorageIsUnavailable_untilSpaceReturns()
            throws Exception {
        upstreams.precheckSucceeds();
        upstreams.subscriberCreatedFor(ALICE, "webex_meetings");
        upstreams.subscriberCreatedFor(BOB, "webex_meetings");
        connector = start();
        String before = upstreams.publish("before-full", "order.json", Map.of());
        HttpResponse<String> orderedBefore = notify(before);
        String order = upstreams.publish("while-full", "order.json", Map.of("email", BOB));
        FaultyDisk.fill();

        HttpResponse<String> refused = notify(order);
        int readyWhileFull = ready();
        int createsWhileFull = upstreams.subscriberCreates(BOB);
        FaultyDisk.free();
        Upstreams.await("/ready 200 without a restart", this::isReady);
        HttpResponse<String> sentAgain = notify(order);
        HttpResponse<String> beforeAgain = notify(before);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).isEqualTo(STORAGE_UNAVAILABLE);
        assertThat(readyWhileFull).isEqualTo(503);
        assertThat(createsWhileFull).isZero();
        assertThat(sentAgain.statusCode()).isEqualTo(200);
        assertThat(sentAgain.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + BOB
                + "\",\"message\":\"" + BOB + " is subscribed to webex_meetings\"}");
        assertThat(upstreams.subscriberCreates(BOB)).isEqualTo(1);
        // the order journaled before the disk filled is still known: answered from the journal, not done again
        assertThat(beforeAgain.body()).isEqualTo(orderedBefore.body()).contains("\"success\":true");
        assertThat(upstreams.subscriberCreates(ALICE)).isEqualTo(1);
    }

    @Test
    void aSubscriberCreatedAtWebexAsTheDiskFills_isRecordedOnceSpaceReturns_withoutARestartOrASecondCreate() throws Exception {
        upstreams.subscriberCreatedOnce(ALICE, "webex_meetings");
        // the disk fills up while Webex creates the subscriber, before the connector has its answer
        upstreams.webex.addMockServiceRequestListener((request, response) -> {
            if (RequestMethod.POST.equals(request.getMethod()) && request.getUrl().equals("/v1/wholesale/subscribers")) {
                FaultyDisk.fill();
            }
        });
        connector = start();
        String order = upstreams.publish("filled-up", "order.json", Map.of());

        HttpResponse<String> answer = notify(order);
        int readyWhileFull = ready();
        FaultyDisk.free();
        Upstreams.await("the result", () -> upstreams.resultPosts("filled-up") == 1);
        HttpResponse<String> redelivered = notify(order);

        // journaled before Webex was called, so accepted: its result is posted once the journal is back
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(readyWhileFull).isEqualTo(503);
        assertThat(isReady()).isTrue();
        upstreams.appDirect.verify(postRequestedFor(urlEqualTo("/api/integration/v1/events/filled-up/result"))
                .withRequestBody(matchingJsonPath("$.success", equalTo("true"))));
        assertThat(upstreams.subscriberCreates(ALICE)).isEqualTo(1);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("\"success\":true", COMPANY + ":" + ALICE);
        assertThat(upstreams.resultPosts("filled-up")).isEqualTo(1);
    }

    @Test
    void aJournalFileTheConnectorMayNotWrite_stopsTheStartNamingIt() {
        start().close();
        FaultyDisk.protectFiles();

        assertThatIllegalStateException().isThrownBy(this::start)
                .withMessageContaining("the journal file " + upstreams.dataDir.resolve("marketbridge.mv.db") + " is read-only");
    }

    @Test
    void aFullDiskAtTheStart_stopsItNamingDataDirAndTheProblem() {
        start().close();
        FaultyDisk.fill();

        assertThatIllegalStateException().isThrownBy(this::start)
                .withMessage("cannot open the journal in DATA_DIR " + upstreams.dataDir + ": No space left on device");
    }
}
