package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeFulfilmentTest {

    private static final String FIND_CUSTOMER = "customers.findByExternalId c1";
    private static final String FIND_BOB = "subscribers.find wx-c1 bob@contoso.test";

    private final Fixture given = new Fixture();

    private static Outcome.Completed bobOn(String packageName) {
        return new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is subscribed to " + packageName);
    }

    @Test
    void givenMeetings_aChangeToCalling_addsALocationAndAFreeExtension() {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_calling"));

        assertThat(outcome).isEqualTo(bobOn("webex_calling"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, "locations.locationIdFor org-c1",
                "extensions.free org-c1 loc-c1", "subscribers.changePackage wx-c1 bob@contoso.test webex_calling ext=2000 loc=loc-c1"));
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).hasValueSatisfying(s -> assertThat(s.packageName()).isEqualTo("webex_calling"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"webex_calling, webex_meetings", "webex_calling, webex_suite", "webex_suite, webex_calling", "webex_suite, webex_meetings"})
    void givenCallingAlready_aChange_leavesCallingParametersOut(String from, String to) {
        given.provisionedCustomer().subscriber(BOB, from);

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, to));

        assertThat(outcome).isEqualTo(bobOn(to));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, "subscribers.changePackage wx-c1 bob@contoso.test " + to));
    }

    @Test
    void givenTheSamePackage_aChange_completesWithoutChangingAnything() {
        given.provisionedCustomer().subscriber(BOB, "webex_suite");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "Webex_Suite"));

        assertThat(outcome).isEqualTo(bobOn("webex_suite"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB));
    }

    @Test
    void givenAnUnknownEdition_aChange_failsListingTheKnownEditionsWithoutCallingWebex() {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "ENTERPRISE"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UNKNOWN_EDITION,
                "Edition 'ENTERPRISE' is not sold through Webex here; known editions: webex_calling, webex_meetings, webex_suite"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "c1:", ":bob@contoso.test", "c1"})
    void givenAnAccountNamingNoSubscriberAndNoCreator_aChange_failsAccountNotFoundWithoutCallingWebex(String account) {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(change(account, null, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                "Account '" + account + "' names no subscriber, and the event has no user to fall back to"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenNoCustomerForTheCompany_aChange_failsAccountNotFound() {
        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "No Webex customer exists for company c1"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER));
    }

    @Test
    void givenTheSubscriberIsGone_aChange_failsUserNotFound() {
        given.provisionedCustomer().subscriber(ALICE, "webex_meetings");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.USER_NOT_FOUND,
                "bob@contoso.test is not a Webex subscriber of this company"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB));
    }

    @Test
    void anAdminChangingAnotherUsersSubscription_changesThatUsersPackageNotTheAdmins() {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings").subscriber(ALICE, "webex_meetings");

        given.handle(change(BOB_ACCOUNT, ALICE, "webex_suite"));

        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).hasValueSatisfying(s -> assertThat(s.packageName()).isEqualTo("webex_suite"));
        assertThat(given.webex.subscriber(CUSTOMER, ALICE.email())).hasValueSatisfying(s -> assertThat(s.packageName()).isEqualTo("webex_meetings"));
    }

    @Test
    void givenADemoEraAccount_aChange_actsOnTheEventCreator() {
        given.provisionedCustomer().subscriber(ALICE, "webex_meetings");

        Outcome outcome = given.handle(change(COMPANY, ALICE, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Completed("c1:alice@contoso.test", "alice@contoso.test is subscribed to webex_suite"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "subscribers.find wx-c1 alice@contoso.test",
                "locations.locationIdFor org-c1", "extensions.free org-c1 loc-c1",
                "subscribers.changePackage wx-c1 alice@contoso.test webex_suite ext=2000 loc=loc-c1"));
    }

    @Test
    void givenTheCustomerHasNoCallingLocation_aChangeToCalling_failsConfigurationErrorAndChangesNothing() {
        given.webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        given.subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_calling"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, "locations.locationIdFor org-c1"));
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).hasValueSatisfying(s -> assertThat(s.packageName()).isEqualTo("webex_meetings"));
    }

    @Test
    void givenWebexRefusesTheChange_aChange_failsWithItsReasonMessageAndTrackingId() {
        given.provisionedCustomer().subscriber(BOB, "webex_calling")
                .log.failOn("subscribers.changePackage", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "downgrade blocked", "trk-5"));

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "downgrade blocked", "trk-5"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB, "subscribers.changePackage wx-c1 bob@contoso.test webex_meetings"));
    }

    @Test
    void givenFindingTheSubscriberFails_aChange_failsWithItsReasonAndChangesNothing() {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings")
                .log.failOn("subscribers.find", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Webex is down"));

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex is down"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, FIND_BOB));
    }

    @Test
    void givenWebexFailedTheCustomer_aChange_failsUpstreamRejectedWithoutTouchingSubscribers() {
        given.webex.addCustomer(COMPANY, CustomerStatus.ERROR);
        given.webex.customerErrors(COMPANY, "license quota exceeded");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED,
                "Webex reports the customer as 'error': license quota exceeded"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER));
    }

    @Test
    void givenTheCustomerIsBeingUpdated_aChange_waitsForIt() {
        given.webex.addCustomer(COMPANY, CustomerStatus.UPDATING, CustomerStatus.PROVISIONED);
        given.webex.addLocation(ORG, LOCATION);
        given.subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_meetings"));

        assertThat(outcome).isEqualTo(bobOn("webex_meetings"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "customers.get wx-c1", FIND_BOB));
        assertThat(given.clock.sleeps()).containsExactly(POLL);
    }
}
