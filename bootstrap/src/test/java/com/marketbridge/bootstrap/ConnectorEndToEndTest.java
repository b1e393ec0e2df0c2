package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static com.marketbridge.bootstrap.Upstreams.CUSTOMER_ID;
import static com.marketbridge.bootstrap.Upstreams.OTHER_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real wiring on a free port, driven over HTTP as AppDirect drives it, against WireMock AppDirect and Webex. */
class ConnectorEndToEndTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void start() {
        upstreams = new Upstreams();
        connector = Connector.start(Settings.load(upstreams.settings(), Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        connector.close();
        upstreams.close();
    }

    private HttpResponse<String> notify(String eventUrl, String eventType) throws Exception {
        return notify(eventUrl, eventType, Upstreams.BASIC_USER + ":" + Upstreams.BASIC_PASSWORD);
    }

    private HttpResponse<String> notify(String eventUrl, String eventType, String credentials) throws Exception {
        return client.send(Upstreams.notification(connector.port(), "/subscription_receiver?eventType=" + eventType, eventUrl, credentials),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes Alice's meetings order, for which Webex knows the company and accepts her; returns its event URL. */
    private String aliceOrdersForAProvisionedCompany(String token) {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        return upstreams.publish(token, "order.json", Map.of());
    }

    @Test
    void aFirstOrderCreatesTheCompanysCustomerWaitsForItAndSubscribesTheBuyer() throws Exception {
        upstreams.customerNotFound();
        upstreams.customerCreatedThenProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("order-1", "order.json", Map.of());

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + ALICE
                + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}");
        upstreams.appDirect.verify(getRequestedFor(urlEqualTo("/api/integration/v1/events/order-1"))
                .withHeader("Authorization", equalTo("Bearer appdirect-token-1"))
                .withHeader("Accept", equalTo("application/json")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers"))
                .withHeader("Authorization", equalTo("Bearer webex-static-token"))
                .withRequestBody(matchingJsonPath("$.externalId", equalTo(COMPANY)))
                .withRequestBody(matchingJsonPath("$.provisioningId", equalTo("UHJvdlRlbXBsYXRlLTAwMQ")))
                .withRequestBody(matchingJsonPath("$.customerInfo.primaryEmail", equalTo("billing@contoso.test")))
                .withRequestBody(matchingJsonPath("$.address.city", equalTo("Milpitas"))));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers"))
                .withRequestBody(equalToJson("{\"customerId\":\"" + CUSTOMER_ID + "\",\"email\":\"" + ALICE
                        + "\",\"packages\":[\"webex_meetings\"],\"provisioningParameters\":{\"firstName\":\"Alice\",\"lastName\":\"Admin\"}}")));
    }

    @Test
    void anOrderForAProvisionedCompanyTakesFourUpstreamCalls() throws Exception {
        String eventUrl = aliceOrdersForAProvisionedCompany("order-2");

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.body()).contains("\"success\":true");
        upstreams.appDirect.verify(1, getRequestedFor(urlPathEqualTo("/api/integration/v1/events/order-2")));
        assertThat(upstreams.webex.getAllServeEvents()).extracting(event -> event.getRequest().getMethod() + " "
                + URI.create(event.getRequest().getUrl()).getPath())
                .containsExactlyInAnyOrder("GET /v1/wholesale/customers", "POST /v1/wholesale/subscribers/validate",
                        "POST /v1/wholesale/subscribers");
    }

    @Test
    void upstreamClientsPreparedAfterTheStartServeTheNextOrderWithoutAnyCallOfTheirOwn() throws Exception {
        String eventUrl = aliceOrdersForAProvisionedCompany("order-prepared");

        connector.prepareUpstreams().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(upstreams.appDirect.getAllServeEvents()).isEmpty();
        assertThat(upstreams.webex.getAllServeEvents()).isEmpty();
        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.body()).contains("\"success\":true");
    }

    @Test
    void aChangeFromMeetingsToCallingAddsTheLowestFreeExtensionAtTheCustomersLocation() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberFound(ALICE, "webex_meetings");
        upstreams.subscriberChangeable(ALICE, "webex_calling");
        upstreams.callingLocationWithExtensions();
        String eventUrl = upstreams.publish("change-1", "change.json", Map.of("edition", "webex_calling"));

        HttpResponse<String> response = notify(eventUrl, "update");

        assertThat(response.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + COMPANY + ":" + ALICE
                + "\",\"message\":\"" + ALICE + " is subscribed to webex_calling\"}");
        upstreams.webex.verify(putRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + Upstreams.subscriberId(ALICE)))
                .withRequestBody(equalToJson("{\"packages\":[\"webex_calling\"],\"provisioningParameters\":{\"extension\":\"2001\",\"locationId\":\"LOC1\"}}")));
    }

    @Test
    void aCancelRemovesTheSubscriberAndThePerson() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberFound(ALICE, "webex_meetings");
        upstreams.subscriberRemovable(ALICE);
        upstreams.personRemovable(ALICE);
        String eventUrl = upstreams.publish("cancel-1", "cancel.json", Map.of());

        HttpResponse<String> response = notify(eventUrl, "cancel");

        assertThat(response.body()).contains("\"success\":true", ALICE + " is removed from Webex");
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + Upstreams.subscriberId(ALICE))));
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/people/" + Upstreams.personId(ALICE))));
    }

    @Test
    void anAdminCancellingAnotherUsersSubscriptionRemovesThatUserNotTheAdmin() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberFound(BOB, "webex_meetings");
        upstreams.subscriberFound(ALICE, "webex_meetings");
        upstreams.subscriberRemovable(BOB);
        upstreams.personRemovable(BOB);
        String eventUrl = upstreams.publish("cancel-2", "cancel.json", Map.of("account", COMPANY + ":" + BOB));

        HttpResponse<String> response = notify(eventUrl, "cancel");

        assertThat(response.body()).contains("\"success\":true", BOB + " is removed");
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + Upstreams.subscriberId(BOB))));
        upstreams.webex.verify(0, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + Upstreams.subscriberId(ALICE))));
    }

    /** How Webex's answer to the subscriber create came back. */
    enum CreateAnswer { WHOLE, CUT_OFF }

    /**
     * Also when the answer to the create was cut off after Webex made the subscriber: the connector looks it up instead
     * of failing, so the journal holds the success, and a redelivery gets it.
     */
    @ParameterizedTest
    @EnumSource(CreateAnswer.class)
    void theSameOrderDeliveredAgainIsAnsweredItsSuccessFromTheJournalWithoutFetchingOrProvisioningTwice(CreateAnswer answer)
            throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        if (answer == CreateAnswer.CUT_OFF) {
            upstreams.subscriberCreatedButTheAnswerCutOff(ALICE, "webex_meetings");
        } else {
            upstreams.subscriberCreated(ALICE, "webex_meetings");
        }
        String eventUrl = upstreams.publish("order-3", "order.json", Map.of());

        HttpResponse<String> first = notify(eventUrl, "create");
        HttpResponse<String> second = notify(eventUrl, "create");

        assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(200, 200);
        assertThat(first.body()).isEqualTo(second.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + COMPANY
                + ":" + ALICE + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}");
        upstreams.appDirect.verify(1, getRequestedFor(urlEqualTo("/api/integration/v1/events/order-3")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        upstreams.webex.verify(answer == CreateAnswer.CUT_OFF ? 1 : 0, getRequestedFor(urlPathEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedWithoutAnyUpstreamCall() throws Exception {
        String eventUrl = upstreams.appDirectBase() + "/api/integration/v1/events/order-4";

        HttpResponse<String> wrong = notify(eventUrl, "create", Upstreams.BASIC_USER + ":guess");
        HttpResponse<String> missing = notify(eventUrl, "create", null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"success\":false", "\"errorCode\":\"UNAUTHORIZED\"").doesNotContain("guess");
        upstreams.appDirect.verify(0, anyRequestedFor(anyUrl()));
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUndecodableQueryIsAuthenticatedFirstThenAnsweredAsAnInvalidEvent() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                (Upstreams.BASIC_USER + ":" + Upstreams.BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));

        String stranger = rawGet("/subscription_receiver?eventUrl=%zz&eventType=create", null);
        String partner = rawGet("/subscription_receiver?eventUrl=%zz&eventType=create", "Basic " + credentials);
        String bareEscape = rawGet("/subscription_receiver?eventUrl=%", "Basic " + credentials);

        assertThat(stranger).startsWith("HTTP/1.1 401 ").endsWith("{\"success\":false,\"errorCode\":\"UNAUTHORIZED\","
                + "\"message\":\"The notification is not authenticated: the notification carries no Basic credentials\"}");
        String invalid = "{\"success\":false,\"errorCode\":\"INVALID_RESPONSE\","
                + "\"message\":\"The query parameter(s) eventUrl could not be decoded: malformed percent-encoding\"}";
        assertThat(partner).startsWith("HTTP/1.1 200 ").contains("Content-Type: application/json").endsWith(invalid);
        assertThat(bareEscape).startsWith("HTTP/1.1 200 ").endsWith(invalid);
        upstreams.appDirect.verify(0, anyRequestedFor(anyUrl()));
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The whole response to a GET sent byte for byte: the JDK HttpClient only sends a valid URI, never a stray '%'. */
    private String rawGet(String pathAndQuery, String authorization) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", connector.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aForeignEventUrlIsRefusedBeforeOurTokenGoesAnywhere() throws Exception {
        WireMockServer foreign = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        foreign.start();
        try {
            HttpResponse<String> response = notify("http://127.0.0.1:" + foreign.port() + "/api/integration/v1/events/x", "create");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"success\":false", "\"errorCode\":\"INVALID_RESPONSE\"");
            foreign.verify(0, anyRequestedFor(anyUrl()));
            upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            foreign.stop();
        }
    }

    @Test
    void anEventMissingRequiredFieldsIsAnsweredWithAnErrorAndNothingHappensAtWebex() throws Exception {
        upstreams.appDirect.stubFor(get("/api/integration/v1/events/broken").willReturn(okJson("{\"type\":\"SUBSCRIPTION_ORDER\"}")));

        HttpResponse<String> response = notify(upstreams.appDirectBase() + "/api/integration/v1/events/broken", "create");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":false", "\"errorCode\":\"INVALID_RESPONSE\"", "is missing payload.company");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEventFetchAnsweredOnceWithAProxysPageIsFetchedAgainAndTheOrderSucceeds() throws Exception {
        String eventUrl = aliceOrdersForAProvisionedCompany("order-behind-a-proxy");
        upstreams.appDirect.stubFor(get("/api/integration/v1/events/order-behind-a-proxy").inScenario("proxy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><title>502 Bad Gateway</title></html>"))
                .willSetStateTo("through"));

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.body()).contains("\"success\":true", ALICE + " is subscribed to webex_meetings");
        upstreams.appDirect.verify(2, getRequestedFor(urlEqualTo("/api/integration/v1/events/order-behind-a-proxy")));
    }

    @Test
    void anUnknownEditionListsTheKnownOnesAndTouchesNothingAtWebex() throws Exception {
        String eventUrl = upstreams.publish("order-5", "order.json", Map.of("edition", "PRO"));

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.body()).contains("\"success\":false", "\"errorCode\":\"CONFIGURATION_ERROR\"",
                "webex_calling, webex_meetings, webex_suite");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void transientWebexFaultsAreRetriedUntilTheOrderSucceeds() throws Exception {
        upstreams.customerProvisioned();
        upstreams.subscriberCreated(ALICE, "webex_meetings");
        upstreams.webex.stubFor(post("/v1/wholesale/subscribers/validate").inScenario("faults").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("limited"));
        upstreams.webex.stubFor(post("/v1/wholesale/subscribers/validate").inScenario("faults").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        upstreams.webex.stubFor(post("/v1/wholesale/subscribers/validate").inScenario("faults").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"message\":\"success\",\"info\":[]}")));
        String eventUrl = upstreams.publish("order-6", "order.json", Map.of());

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.body()).contains("\"success\":true");
        upstreams.webex.verify(3, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers/validate")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void aCustomerLookupOfThirtyMegabytesFailsItsOrderClearly_andTheNextOrdersAreServed() throws Exception {
        upstreams.webex.stubFor(Upstreams.findCustomer().willReturn(okJson("{\"items\":[" + "{},".repeat(10_000_000) + "{}]}")));
        upstreams.customerProvisioned(OTHER_COMPANY);
        upstreams.precheckSucceeds();
        upstreams.subscriberCreatedFor(ALICE, "webex_meetings");
        upstreams.subscriberCreatedFor(BOB, "webex_meetings");

        HttpResponse<String> refused = notify(upstreams.publish("large-1", "order.json", Map.of()), "create");
        HttpResponse<String> otherCompany = notify(upstreams.publish("large-other", "order.json",
                Map.of("company", OTHER_COMPANY, "email", BOB)), "create");
        upstreams.customerProvisioned();
        HttpResponse<String> sameCompanyAfterwards = notify(upstreams.publish("large-2", "order.json", Map.of()), "create");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("\"success\":false", "\"errorCode\":\"UNKNOWN_ERROR\"",
                "Webex's answer to GET /v1/wholesale/customers", "the 512 KB the connector reads of one answer");
        assertThat(otherCompany.body()).contains("\"success\":true", OTHER_COMPANY + ":" + BOB);
        assertThat(sameCompanyAfterwards.body()).contains("\"success\":true", COMPANY + ":" + ALICE);
        upstreams.webex.verify(2, getRequestedFor(urlPathEqualTo("/v1/wholesale/customers"))
                .withQueryParam("externalId", equalTo(COMPANY)));
    }

    @Test
    void aStatelessPingSucceedsAndChangesNothing() throws Exception {
        String eventUrl = upstreams.publish("ping-1", "order.json", Map.of("flag", "\"STATELESS\""));

        HttpResponse<String> response = notify(eventUrl, "create");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":true");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }
}
