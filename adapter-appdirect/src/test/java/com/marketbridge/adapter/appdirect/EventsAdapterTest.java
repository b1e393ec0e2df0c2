package com.marketbridge.adapter.appdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.marketbridge.adapter.appdirect.Fixtures.EVENT_PATH;
import static com.marketbridge.adapter.appdirect.Fixtures.EVENT_TOKEN;
import static com.marketbridge.adapter.appdirect.Fixtures.assertNoSecret;
import static com.marketbridge.adapter.appdirect.Fixtures.eventUrl;
import static com.marketbridge.adapter.appdirect.Fixtures.resource;
import static com.marketbridge.adapter.appdirect.Fixtures.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.marketbridge.adapter.appdirect.Fixtures.MutableClock;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventsAdapterTest {

    private static final EventToken TOKEN = new EventToken(EVENT_TOKEN);
    private static final MarketplaceUser ALICE = new MarketplaceUser(
            "3b6f2c1e-9d0a-4c55-8a11-5f2e7b9c0d41", "alice.admin@contoso.test", "Alice", "Admin", "en-US");
    private static final MarketplaceUser BOB = new MarketplaceUser(
            "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "bob@contoso.test", "Bob", "User", "en-US");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private WireMockServer appDirect;
    private MarketplaceEvents events;

    @BeforeEach
    void startAppDirect() {
        appDirect = Fixtures.startWireMock();
        // generous: a cold WireMock answers its first request slowly
        events = Fixtures.connect(Fixtures.basicSettings(appDirect, clock, Duration.ofSeconds(5))).events();
    }

    @AfterEach
    void stopAppDirect() {
        appDirect.stop();
    }

    private void stubEvent(String bearer, String resource) {
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH))
                .withHeader("Authorization", equalTo("Bearer " + bearer))
                .withHeader("Accept", containing("application/json"))
                .willReturn(okJson(resource(resource))));
    }

    private MarketplaceEvent fetch(String resource) {
        stubTokens(appDirect, 43199, "test-token-1");
        stubEvent("test-token-1", resource);
        return events.fetch(eventUrl(appDirect, EVENT_TOKEN));
    }

    private UpstreamException fetchFailure(EventUrl url) {
        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> events.fetch(url));
        assertThat(failure).isNotNull();
        assertNoSecret(failure);
        return failure;
    }

    @Test
    void givenAnOrder_fetch_sendsAcceptAndBearerAndMapsEveryField() {
        MarketplaceEvent event = fetch("subscription-order.json");

        assertThat(event).isEqualTo(new SubscriptionOrdered(TOKEN, EventFlag.LIVE,
                new Company("c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d", "Contoso Ltd", "billing@contoso.test", "5145550199", "CA"),
                ALICE, new Order("PRO", List.of(new OrderItem("USER", 10)))));
        appDirect.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH))
                .withHeader("Authorization", equalTo("Bearer test-token-1"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void givenAnOrderWithSparseCreatorCompanyArrayConfigurationAndStringQuantity_fetch_mapsItWithNulls() {
        MarketplaceEvent event = fetch("subscription-order-sparse.json");

        assertThat(event).isEqualTo(new SubscriptionOrdered(TOKEN, EventFlag.DEVELOPMENT,
                new Company("c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d", "Contoso Ltd", null, null, null),
                new MarketplaceUser("3b6f2c1e-9d0a-4c55-8a11-5f2e7b9c0d41", "alice.admin@contoso.test", "Alice", "Admin", null),
                new Order("EXTRA_STORAGE", List.of(new OrderItem("GIGABYTE", 100)))));
    }

    @Test
    void givenAnOrderWithoutCompanyUuid_fetch_failsAsInvalidEventNamingTheField() {
        stubTokens(appDirect, 43199, "test-token-1");
        stubEvent("test-token-1", "subscription-order-without-company-uuid.json");

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
        assertThat(failure.getMessage()).contains("missing payload.company.uuid");
        appDirect.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    @Test
    void givenAChange_fetch_mapsAccountOrderAndStringQuantity() {
        assertThat(fetch("subscription-change.json")).isEqualTo(new SubscriptionChanged(TOKEN, EventFlag.LIVE, "ws-000123", ALICE,
                new Order("ENTERPRISE", List.of(new OrderItem("USER", 25)))));
    }

    @Test
    void givenACancelWithNullAddressAndAttributes_fetch_mapsIt() {
        assertThat(fetch("subscription-cancel.json")).isEqualTo(new SubscriptionCancelled(TOKEN, EventFlag.LIVE, "ws-000123",
                new MarketplaceUser("3b6f2c1e-9d0a-4c55-8a11-5f2e7b9c0d41", "alice.admin@contoso.test", "Alice", "Admin", null)));
    }

    @Test
    void givenANoticeWithoutCreator_fetch_mapsItsType() {
        assertThat(fetch("subscription-notice-deactivated.json"))
                .isEqualTo(new SubscriptionNoticed(TOKEN, EventFlag.LIVE, "ws-000123", NoticeType.DEACTIVATED, null));
    }

    @Test
    void givenAStatelessAssignment_fetch_mapsUserCreatorAndFlag() {
        assertThat(fetch("user-assignment.json")).isEqualTo(new UserAssigned(TOKEN, EventFlag.STATELESS, "ws-000123", BOB, ALICE));
    }

    @Test
    void givenAnUnassignment_fetch_mapsIt() {
        assertThat(fetch("user-unassignment.json")).isEqualTo(new UserUnassigned(TOKEN, EventFlag.LIVE, "ws-000123", BOB, ALICE));
    }

    @Test
    void givenAUserUpdate_fetch_mapsIt() {
        assertThat(fetch("user-updated.json")).isEqualTo(new UserUpdated(TOKEN, EventFlag.LIVE, "ws-000123",
                new MarketplaceUser("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "bob.new@contoso.test", "Bob", "Renamed", null),
                new MarketplaceUser("3b6f2c1e-9d0a-4c55-8a11-5f2e7b9c0d41", "alice.admin@contoso.test", null, null, null)));
    }

    @Test
    void givenALegacyAddonOrder_fetch_returnsAnUnsupportedEvent() {
        assertThat(fetch("addon-order.json")).isEqualTo(new UnsupportedEvent(TOKEN, EventFlag.LIVE, "ADDON_ORDER"));
    }

    /** The ways a fetch's answer gets lost after AppDirect had the request. */
    enum LostAnswer {
        HTML_PAGE(() -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")),
        CUT_OFF_JSON(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Content-Length", "31").withBody("{\"type\": \"SUBSCRIPTION_ORDER\", ")),
        EMPTY_BODY(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")),
        MALFORMED_CHUNK(() -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        RANDOM_DATA_THEN_CLOSE(() -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        private final Supplier<ResponseDefinitionBuilder> answer;

        LostAnswer(Supplier<ResponseDefinitionBuilder> answer) {
            this.answer = answer;
        }
    }

    @ParameterizedTest
    @EnumSource(LostAnswer.class)
    void givenTheFirstAnswerLost_fetch_asksAgainAndMapsTheEvent(LostAnswer lost) {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).inScenario("fetch").willReturn(lost.answer.get())
                .willSetStateTo("answered"));
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).inScenario("fetch").whenScenarioStateIs("answered")
                .willReturn(okJson(resource("subscription-cancel.json"))));

        MarketplaceEvent event = events.fetch(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(event).isInstanceOf(SubscriptionCancelled.class);
        appDirect.verify(2, getRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    @Test
    void givenJsonCutOffEveryTime_fetch_failsAsUpstreamUnavailableSayingSoAfterAFewAttempts() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(LostAnswer.CUT_OFF_JSON.answer.get()));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).contains("AppDirect did not hand over event " + EVENT_TOKEN,
                "AppDirect answered HTTP 200 with JSON cut off after 31 bytes");
        assertThat(appDirect.findAll(getRequestedFor(urlEqualTo(EVENT_PATH))).size()).isBetween(2, 4);
    }

    @Test
    void givenJsonOfAnotherShape_fetch_failsAsInvalidEventAtOnce() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(okJson("{\"type\": {\"name\": \"SUBSCRIPTION_ORDER\"}}")));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
        assertThat(failure.getMessage()).contains("JSON, but not of the shape expected");
        appDirect.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    @Test
    void givenAnUnknownEvent404_fetch_failsAsEventNotFound() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(404)));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.EVENT_NOT_FOUND);
        assertThat(failure.getMessage()).contains("no such event");
    }

    @Test
    void givenAConsumedEvent410_fetch_failsAsEventNotFound() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "text/plain").withBody("Event with token " + EVENT_TOKEN + " has already been consumed.")));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.EVENT_NOT_FOUND);
        assertThat(failure.getMessage()).contains("already consumed");
    }

    @Test
    void givenAppDirectFailing500_fetch_failsAsUpstreamUnavailable() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(500)));

        assertThat(fetchFailure(eventUrl(appDirect, EVENT_TOKEN)).reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void givenAppDirectSlowerThanTheReadTimeout_fetch_failsAsUpstreamUnavailable() {
        stubTokens(appDirect, 43199, "test-token-1", "test-token-2");
        stubEvent("test-token-1", "subscription-cancel.json");
        events.fetch(eventUrl(appDirect, EVENT_TOKEN)); // warms WireMock up, so only the delay below can time out
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-2"))
                .willReturn(okJson(resource("subscription-cancel.json")).withFixedDelay(3000)));
        MarketplaceEvents impatient = Fixtures.connect(Fixtures.basicSettings(appDirect, clock, Duration.ofMillis(500))).events();

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> impatient.fetch(eventUrl(appDirect, EVENT_TOKEN)));

        assertNoSecret(failure);
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        appDirect.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-2")));
    }

    @Test
    void givenAppDirectForbidding_fetch_failsAsConfigurationError() {
        stubTokens(appDirect, 43199, "test-token-1");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(403)));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
        assertThat(failure.getMessage()).contains("AppDirect refused our OAuth credentials");
    }

    @Test
    void givenTheTokenEndpointRefusingOurClient_fetch_failsAsConfigurationErrorWithoutTheSecret() {
        appDirect.stubFor(post(urlEqualTo("/oauth2/token"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}")));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
        appDirect.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void givenTheTokenEndpointFailing503_fetch_failsAsUpstreamUnavailable() {
        appDirect.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(503)));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).endsWith("AppDirect's token endpoint answered HTTP 503");
        appDirect.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void givenManyFetches_theTokenIsRequestedOnce() {
        stubTokens(appDirect, 43199, "test-token-1");
        stubEvent("test-token-1", "subscription-cancel.json");

        for (int i = 0; i < 100; i++) {
            events.fetch(eventUrl(appDirect, EVENT_TOKEN));
        }

        appDirect.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
        appDirect.verify(100, getRequestedFor(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-1")));
    }

    @Test
    void givenConcurrentFirstFetches_theyShareOneTokenRequest() throws Exception {
        stubTokens(appDirect, 43199, "test-token-1");
        stubEvent("test-token-1", "subscription-cancel.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<MarketplaceEvent>> fetches = IntStream.range(0, 16)
                    .<Callable<MarketplaceEvent>>mapToObj(i -> () -> events.fetch(eventUrl(appDirect, EVENT_TOKEN))).toList();
            for (Future<MarketplaceEvent> fetched : pool.invokeAll(fetches)) {
                assertThat(fetched.get()).isInstanceOf(SubscriptionCancelled.class);
            }
        } finally {
            pool.shutdownNow();
        }

        appDirect.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    @Test
    void givenTheTokenNearsExpiry_fetch_requestsANewOneSixtySecondsBefore() {
        stubTokens(appDirect, 3600, "test-token-1", "test-token-2");
        stubEvent("test-token-1", "subscription-cancel.json");
        stubEvent("test-token-2", "subscription-cancel.json");

        events.fetch(eventUrl(appDirect, EVENT_TOKEN));
        clock.advance(Duration.ofSeconds(3600 - 61));
        events.fetch(eventUrl(appDirect, EVENT_TOKEN));
        appDirect.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));

        clock.advance(Duration.ofSeconds(1));
        events.fetch(eventUrl(appDirect, EVENT_TOKEN));

        appDirect.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
        appDirect.verify(1, getRequestedFor(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-2")));
    }

    @Test
    void givenAppDirectRejectingTheCachedToken_fetch_renewsItAndRetriesOnce() {
        stubTokens(appDirect, 43199, "test-token-1", "test-token-2");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-1"))
                .willReturn(aResponse().withStatus(401)));
        stubEvent("test-token-2", "subscription-cancel.json");

        assertThat(events.fetch(eventUrl(appDirect, EVENT_TOKEN))).isInstanceOf(SubscriptionCancelled.class);

        appDirect.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
        appDirect.verify(2, getRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    @Test
    void givenAppDirectRejectingEveryToken_fetch_retriesOnceThenFailsAsConfigurationError() {
        stubTokens(appDirect, 43199, "test-token-1", "test-token-2");
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(401)));

        UpstreamException failure = fetchFailure(eventUrl(appDirect, EVENT_TOKEN));

        assertThat(failure.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
        assertThat(failure.getMessage()).contains("AppDirect refused our OAuth credentials");
        appDirect.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
        appDirect.verify(2, getRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    @Test
    void givenAnEventUrlOnAForeignHost_fetch_refusesWithoutAnyRequest() {
        WireMockServer foreign = Fixtures.startWireMock();
        try {
            stubTokens(appDirect, 43199, "test-token-1");
            foreign.stubFor(get(anyUrl()).willReturn(okJson(resource("subscription-cancel.json"))));

            UpstreamException failure = fetchFailure(eventUrl(foreign, EVENT_TOKEN));

            assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
            foreign.verify(0, anyRequestedFor(anyUrl()));
            appDirect.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            foreign.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/integration/v1/events/" + EVENT_TOKEN + "/extra",
            "/api/integration/v2/events/" + EVENT_TOKEN,
            "/other/" + EVENT_TOKEN,
            "/api/integration/v1/events/..",
            "/api/integration/v1/events/a%2Fb",
            "/api/integration/v1/events/" + EVENT_TOKEN + "?next=elsewhere"})
    void givenAnEventUrlOnTheMarketplaceButWithAnotherPath_fetch_refusesWithoutAnyRequest(String path) {
        stubTokens(appDirect, 43199, "test-token-1");

        UpstreamException failure = fetchFailure(EventUrl.parse(Fixtures.origin(appDirect) + path));

        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
        appDirect.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:%d", "http://localhost:%d", "http://127.0.0.1:%d0", "http://user@127.0.0.1:%d"})
    void givenAnEventUrlWithAnotherSchemeHostPortOrUserInfo_fetch_refusesWithoutAnyRequest(String origin) {
        UpstreamException failure = fetchFailure(EventUrl.parse(String.format(origin, appDirect.port()) + EVENT_PATH));

        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
        appDirect.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void givenTheSameOriginWrittenDifferently_fetch_acceptsIt() {
        stubTokens(appDirect, 43199, "test-token-1");
        stubEvent("test-token-1", "subscription-cancel.json");

        MarketplaceEvent event = events.fetch(EventUrl.parse("HTTP://127.0.0.1:" + appDirect.port() + EVENT_PATH));

        assertThat(event).isInstanceOf(SubscriptionCancelled.class);
    }
}
