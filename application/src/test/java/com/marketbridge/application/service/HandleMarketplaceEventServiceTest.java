package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandleMarketplaceEventServiceTest {

    private final Fixture given = new Fixture().provisionedCustomer().subscriber(BOB, "webex_meetings");

    @Test
    void givenARejectedNotification_handle_failsUnauthorizedWithoutFetchingTheEvent() {
        given.credentials.reject("bad signature");

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UNAUTHORIZED,
                "The notification is not authenticated: bad signature"));
        assertThat(given.calls()).containsExactly(VERIFY);
    }

    @Test
    void givenAnUndecodableQueryFromAStranger_handle_failsUnauthorizedFirst() {
        given.credentials.reject("no credentials");

        Outcome outcome = given.handle(undecodable("eventUrl"), null);

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UNAUTHORIZED,
                "The notification is not authenticated: no credentials"));
        assertThat(given.calls()).containsExactly(VERIFY);
    }

    @Test
    void givenAnUndecodableQuery_handle_failsInvalidEventAfterVerifyingWithoutFetching() {
        Outcome outcome = given.handle(undecodable("eventUrl"), null);

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.INVALID_EVENT,
                "The query parameter(s) eventUrl could not be decoded: malformed percent-encoding"));
        assertThat(given.calls()).containsExactly(VERIFY);
    }

    private static InboundNotification undecodable(String... names) {
        return new InboundNotification("GET", URI.create(RECEIVER), Map.of("eventType", List.of("create")), Map.of(), List.of(names));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void givenNoEventUrl_handle_failsInvalidEventWithoutFetching(String eventUrl) {
        Outcome outcome = given.handle(eventUrl);

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.INVALID_EVENT, "The notification has no eventUrl parameter"));
        assertThat(given.calls()).containsExactly(VERIFY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "/events/e1", "https://acme.example.com/events/", "ftp://acme.example.com/events/e1",
            "https://acme.example.com"})
    void givenAMalformedEventUrl_handle_failsInvalidEventWithoutFetching(String eventUrl) {
        Outcome outcome = given.handle(eventUrl);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_EVENT);
            assertThat(failed.message()).startsWith("The eventUrl is not a valid event URL: malformed event URL");
        });
        assertThat(given.calls()).containsExactly(VERIFY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPSTREAM_UNAVAILABLE", "INVALID_EVENT", "EVENT_NOT_FOUND", "UNAUTHORIZED"})
    void givenTheMarketplaceFailsTheFetch_handle_answersItsFailureAndCallsNoWebex(FailureReason reason) {
        given.log.failOn("events.fetch", new UpstreamException(reason, "marketplace said no", "mp-42"));

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(reason, "marketplace said no", "mp-42"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenAnUnpublishedEvent_handle_failsEventNotFound() {
        Outcome outcome = given.handle("https://acme.example.com/api/integration/v1/events/gone");

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.EVENT_NOT_FOUND,
                "The marketplace has no event at https://acme.example.com/api/integration/v1/events/gone"));
        assertThat(given.calls()).containsExactly(VERIFY, "events.fetch https://acme.example.com/api/integration/v1/events/gone");
    }

    static Stream<Arguments> statelessEvents() {
        return everyEventType(EventFlag.STATELESS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statelessEvents")
    void givenAStatelessEventOfAnyType_handle_completesWithoutCallingWebex(String type, MarketplaceEvent event) {
        Outcome outcome = given.handle(event);

        assertThat(outcome).isEqualTo(new Outcome.Completed(null, "Stateless " + type + " event received; nothing was changed."));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    static Stream<Arguments> unsupportedEvents() {
        return everyEventType(EventFlag.LIVE).skip(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedEvents")
    void givenAnUnsupportedEventType_handle_failsConfigurationErrorNamingTheType(String type, MarketplaceEvent event) {
        Outcome outcome = given.handle(event);

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                "Event type " + type + " is not supported by this connector"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenADevelopmentEvent_handle_runsItForReal() {
        Outcome outcome = given.handle(order(EventFlag.DEVELOPMENT, new Company(COMPANY, "Contoso", null, null, null), ALICE,
                "webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Completed(COMPANY + ":" + ALICE.email(), ALICE.email() + " is subscribed to webex_meetings"));
        assertThat(given.calls()).containsExactly(fetchedThen(
                "customers.findByExternalId c1",
                "subscribers.validate wx-c1 alice@contoso.test webex_meetings",
                "subscribers.create wx-c1 alice@contoso.test webex_meetings"));
    }

    /** The three fulfilled types first, then every type the connector does not fulfil. */
    private static Stream<Arguments> everyEventType(EventFlag flag) {
        Order order = new Order("webex_meetings", List.of());
        Company company = new Company(COMPANY, "Contoso", null, null, null);
        return Stream.of(
                        order(flag, company, BOB, "webex_meetings"),
                        new SubscriptionChanged(token(), flag, BOB_ACCOUNT, ALICE, order),
                        new SubscriptionCancelled(token(), flag, BOB_ACCOUNT, ALICE),
                        new SubscriptionNoticed(token(), flag, BOB_ACCOUNT, NoticeType.CLOSED, null),
                        new UserAssigned(token(), flag, BOB_ACCOUNT, ALICE, BOB),
                        new UserUnassigned(token(), flag, BOB_ACCOUNT, ALICE, BOB),
                        new UserUpdated(token(), flag, BOB_ACCOUNT, ALICE, null),
                        new UnsupportedEvent(token(), flag, "ADDON_ORDER"))
                .map(event -> Arguments.of(event.type(), event));
    }
}
