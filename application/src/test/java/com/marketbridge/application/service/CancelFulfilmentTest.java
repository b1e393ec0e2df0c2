package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import org.junit.jupiter.api.Test;

class CancelFulfilmentTest {

    private static final String FIND_CUSTOMER = "customers.findByExternalId c1";
    private static final String FIND_BOB = "subscribers.find wx-c1 bob@contoso.test";
    private static final String REMOVE_BOB = "subscribers.remove sub-1 bob@contoso.test";
    private static final String REMOVE_BOB_PERSON = "people.removeByEmail org-c1 bob@contoso.test";

    private final Fixture given = new Fixture().provisionedCustomer();

    @Test
    void anAdminCancellingAnotherUsersSubscription_removesThatUserAndTheirPersonNotTheAdmin() {
        given.subscriber(BOB, "webex_calling").subscriber(ALICE, "webex_suite");

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is removed from Webex"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, REMOVE_BOB, REMOVE_BOB_PERSON));
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).isEmpty();
        assertThat(given.webex.hasPerson(ORG, BOB.email())).isFalse();
        assertThat(given.webex.subscriber(CUSTOMER, ALICE.email())).isPresent();
        assertThat(given.webex.hasPerson(ORG, ALICE.email())).isTrue();
    }

    @Test
    void aCancelReplayedAfterRemoval_stillCompletes() {
        given.subscriber(BOB, "webex_meetings");

        given.handle(cancel(BOB_ACCOUNT, ALICE));
        Outcome replayed = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(replayed).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test was already removed from Webex"));
        assertThat(given.calls()).containsExactly(
                VERIFY, FETCH, FIND_CUSTOMER, FIND_BOB, REMOVE_BOB, REMOVE_BOB_PERSON,
                VERIFY, FETCH, FIND_CUSTOMER, FIND_BOB, REMOVE_BOB_PERSON);
    }

    @Test
    void givenOnlyThePersonIsLeft_aCancel_removesItAndCompletes() {
        given.webex.addPerson(ORG, BOB.email());

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, null));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is removed from Webex"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, REMOVE_BOB_PERSON));
        assertThat(given.webex.hasPerson(ORG, BOB.email())).isFalse();
    }

    @Test
    void givenADemoEraAccount_aCancel_removesTheEventCreator() {
        given.subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(cancel(COMPANY, BOB));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is removed from Webex"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, REMOVE_BOB, REMOVE_BOB_PERSON));
    }

    @Test
    void givenADemoEraAccountWithoutCreator_aCancel_failsAccountNotFoundWithoutCallingWebex() {
        given.subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(cancel(COMPANY, null));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                "Account 'c1' names no subscriber, and the event has no user to fall back to"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenNoCustomerForTheCompany_aCancel_failsAccountNotFound() {
        Outcome outcome = given.handle(cancel("c2:bob@contoso.test", ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "No Webex customer exists for company c2"));
        assertThat(given.calls()).containsExactly(fetchedThen("customers.findByExternalId c2"));
    }

    @Test
    void givenRemovingTheSubscriberFails_aCancel_failsWithItsReasonAndKeepsThePerson() {
        given.subscriber(BOB, "webex_meetings")
                .log.failOn("subscribers.remove", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Webex is down", "trk-2"));

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex is down", "trk-2"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, REMOVE_BOB));
        assertThat(given.webex.hasPerson(ORG, BOB.email())).isTrue();
    }

    @Test
    void givenRemovingThePersonFails_aCancel_failsWithItsReason() {
        given.subscriber(BOB, "webex_meetings")
                .log.failOn("people.removeByEmail", new UpstreamException(FailureReason.CONFIGURATION_ERROR, "token lacks spark-admin:people_write"));

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR, "token lacks spark-admin:people_write"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, REMOVE_BOB, REMOVE_BOB_PERSON));
    }
}
