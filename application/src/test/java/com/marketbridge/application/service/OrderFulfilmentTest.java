package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static com.marketbridge.domain.customer.CustomerStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.ExtensionRange;
import com.marketbridge.domain.subscription.SubscriberStatus;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderFulfilmentTest {

    private static final Outcome.Completed BOB_ON_MEETINGS = new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is subscribed to webex_meetings");
    private static final String FIND_CUSTOMER = "customers.findByExternalId c1";
    private static final String VALIDATE_MEETINGS = "subscribers.validate wx-c1 bob@contoso.test webex_meetings";
    private static final String CREATE_MEETINGS = "subscribers.create wx-c1 bob@contoso.test webex_meetings";

    private final Fixture given = new Fixture();

    @Test
    void givenANewCompany_order_createsItsCustomerThenSubscribesTheBuyer() {
        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(BOB_ON_MEETINGS);
        assertThat(given.calls()).containsExactly(fetchedThen(
                FIND_CUSTOMER, "customers.create c1 calling=true", "customers.get wx-c1", VALIDATE_MEETINGS, CREATE_MEETINGS));
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).hasValueSatisfying(s -> assertThat(s.packageName()).isEqualTo("webex_meetings"));
    }

    @Test
    void theNewCustomerCarriesTheCompanyTheBuyersLocaleAndTheTemplate() {
        given.handle(order("webex_meetings"));

        assertThat(given.webex.createdCustomers()).containsExactly(
                new NewCustomer(COMPANY, "Contoso", "billing@contoso.test", "fr-CA", given.template, true));
    }

    @Test
    void givenACompanyWithoutEmailAndABuyerWithoutLocale_theNewCustomer_fallsBackToTheBuyersEmailAndNoLocale() {
        MarketplaceUser noLocale = new MarketplaceUser("u-bob", BOB.email(), "Bob", "Buyer", null);

        given.handle(order(EventFlag.LIVE, new Company(COMPANY, "Contoso", " ", null, null), noLocale, "webex_meetings"));

        assertThat(given.webex.createdCustomers()).extracting(NewCustomer::primaryEmail, NewCustomer::locale)
                .containsExactly(tuple(BOB.email(), null));
    }

    @Test
    void givenATemplateWithoutCallingPackages_theNewCustomer_asksForNoCallingLocation() {
        given.template = Fixture.template("webex_meetings");

        given.handle(order("webex_meetings"));

        assertThat(given.webex.createdCustomers()).extracting(NewCustomer::callingLocation).containsExactly(false);
        assertThat(given.calls()).contains("customers.create c1 calling=false");
    }

    @Test
    void givenAProvisionedCustomer_aCallingOrder_prechecksThenAssignsLocationAndExtensionThenCreates() {
        given.provisionedCustomer().webex.takeExtension(LOCATION, "2000");

        Outcome outcome = given.handle(order("WEBEX_CALLING"));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is subscribed to webex_calling"));
        assertThat(given.calls()).containsExactly(fetchedThen(
                FIND_CUSTOMER,
                "subscribers.validate wx-c1 bob@contoso.test webex_calling",
                "locations.locationIdFor org-c1",
                "extensions.free org-c1 loc-c1",
                "subscribers.create wx-c1 bob@contoso.test webex_calling ext=2001 loc=loc-c1"));
    }

    @Test
    void givenACustomerStillProvisioning_order_pollsUntilItIsReady() {
        given.webex.addCustomer(COMPANY, PROVISIONING, PENDING_RPL_REVIEW, PROVISIONING, PROVISIONED);

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(BOB_ON_MEETINGS);
        assertThat(given.calls()).containsExactly(fetchedThen(
                FIND_CUSTOMER, "customers.get wx-c1", "customers.get wx-c1", "customers.get wx-c1", VALIDATE_MEETINGS, CREATE_MEETINGS));
        assertThat(given.clock.sleeps()).containsExactly(POLL, POLL, POLL);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerStatus.class, names = {"PROVISIONING", "PENDING_RPL_REVIEW", "UPDATING", "UNKNOWN"})
    void givenACustomerNotReadyByTheDeadline_order_isInProgressAndSubscribesNobody(CustomerStatus status) {
        given.webex.addCustomer(COMPANY, status);

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.InProgress("The Webex organization of Contoso is being set up (status '"
                + status.wireValue() + "'); the subscription completes once it is ready."));
        int polls = (int) (PROVISIONING_WAIT.toSeconds() / POLL.toSeconds());
        assertThat(given.calls()).containsExactly(fetchedThen(
                Stream.concat(Stream.of(FIND_CUSTOMER), Collections.nCopies(polls, "customers.get wx-c1").stream()).toArray(String[]::new)));
        assertThat(given.clock.sleeps()).hasSize(polls);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerStatus.class, names = {"ERROR", "PROVISIONED_WITH_ERRORS"})
    void givenWebexFailedTheCustomer_order_failsUpstreamRejectedWithWebexErrors(CustomerStatus status) {
        given.webex.provisionNewCustomersAs(PROVISIONING, status);

        Outcome outcome = given.handle(order("webex_meetings"));
        given.webex.customerErrors(COMPANY, "2560 Calling services under maintenance");
        Outcome replayed = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED,
                "Webex reports the customer as '" + status.wireValue() + "'"));
        assertThat(replayed).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED,
                "Webex reports the customer as '" + status.wireValue() + "': 2560 Calling services under maintenance"));
        assertThat(given.calls()).containsExactly(VERIFY, FETCH,
                FIND_CUSTOMER, "customers.create c1 calling=true", "customers.get wx-c1", "customers.get wx-c1",
                VERIFY, FETCH, FIND_CUSTOMER);
    }

    @Test
    void givenTheBuyerIsAlreadyOurSubscriberWithThisPackage_aReplayedOrder_completesWithoutCreating() {
        given.provisionedCustomer().subscriber(BOB, "webex_meetings");

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(BOB_ON_MEETINGS);
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, "subscribers.find wx-c1 bob@contoso.test"));
    }

    @Test
    void aWholeOrderReplayedAfterSuccess_completesTheSameWithoutCreatingTwice() {
        Outcome first = given.handle(order("webex_meetings"));
        Outcome second = given.handle(order("webex_meetings"));

        assertThat(second).isEqualTo(first).isEqualTo(BOB_ON_MEETINGS);
        assertThat(given.calls()).filteredOn(call -> call.startsWith("customers.create") || call.startsWith("subscribers.create"))
                .hasSize(2);
    }

    @Test
    void givenTheBuyerIsOurSubscriberWithAnotherPackage_order_failsUserAlreadyExists() {
        given.provisionedCustomer().subscriber(BOB, "webex_calling");

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.USER_ALREADY_EXISTS,
                "The email bob@contoso.test already belongs to a Webex user", "fake-tracking"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, "subscribers.find wx-c1 bob@contoso.test"));
    }

    @Test
    void givenTheBuyersEmailBelongsToAnotherOrganization_order_failsUserAlreadyExists() {
        given.provisionedCustomer().webex.addPerson("org-elsewhere", BOB.email());

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.USER_ALREADY_EXISTS));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, "subscribers.find wx-c1 bob@contoso.test"));
    }

    @Test
    void givenWebexWaitsForTheUserToMigrateAFreeAccount_order_isInProgress() {
        given.provisionedCustomer().webex.createSubscribersAs(SubscriberStatus.PENDING_USER_MIGRATION);

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.InProgress("bob@contoso.test already has a free Webex account; Webex asked"
                + " the user to accept moving it into the organization, and the subscription completes then."));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, CREATE_MEETINGS));
    }

    @Test
    void givenAMigrationStillPending_aReplayedOrder_isStillInProgress() {
        given.provisionedCustomer().webex.addSubscriber(CUSTOMER, BOB.email(), "webex_meetings", SubscriberStatus.PENDING_USER_MIGRATION);

        assertThat(given.handle(order("webex_meetings"))).isInstanceOf(Outcome.InProgress.class);
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, "subscribers.find wx-c1 bob@contoso.test"));
    }

    @Test
    void givenAnUnknownEdition_order_failsUnknownEditionBeforeAnyWebexCall() {
        Outcome outcome = given.handle(order("PRO"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UNKNOWN_EDITION,
                "Edition 'PRO' is not sold through Webex here; known editions: webex_calling, webex_meetings, webex_suite"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenTheCustomerHasNoCallingLocation_aCallingOrder_failsConfigurationErrorAndCreatesNobody() {
        given.webex.addCustomer(COMPANY, PROVISIONED);

        Outcome outcome = given.handle(order("webex_calling"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                "The Webex organization of customer c1 has no calling location"));
        assertThat(given.calls()).containsExactly(fetchedThen(
                FIND_CUSTOMER, "subscribers.validate wx-c1 bob@contoso.test webex_calling", "locations.locationIdFor org-c1"));
    }

    @Test
    void givenTheExtensionRangeIsFull_aCallingOrder_failsConfigurationErrorAndCreatesNobody() {
        given.extensions = new ExtensionRange(2000, 2001);
        given.provisionedCustomer().webex.takeExtension(LOCATION, "2000").takeExtension(LOCATION, "2001");

        Outcome outcome = given.handle(order("webex_suite"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR, "No extension of the range"
                + " 2000-2001 is free at the calling location of customer c1: 2 checked with Webex, the other 0 known to be taken"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "subscribers.validate wx-c1 bob@contoso.test webex_suite",
                "locations.locationIdFor org-c1", "extensions.free org-c1 loc-c1"));
    }

    @Test
    void givenWebexRejectsThePrecheck_order_failsWithItsReasonAndCreatesNobody() {
        given.provisionedCustomer().log.failOn("subscribers.validate",
                new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Package not allowed for this customer", "trk-7"));

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Package not allowed for this customer", "trk-7"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS));
    }

    @Test
    void givenCustomerCreationFails_order_failsWithItsReasonAndGoesNoFurther() {
        given.log.failOn("customers.create", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Webex is down", "trk-1"));

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex is down", "trk-1"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "customers.create c1 calling=true"));
    }

    @Test
    void givenPollingTheCustomerFails_order_failsWithItsReasonAndGoesNoFurther() {
        given.webex.addCustomer(COMPANY, PROVISIONING);
        given.log.failOn("customers.get", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "timeout"));

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "timeout"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "customers.get wx-c1"));
    }

    @Test
    void givenFindingAFreeExtensionFails_order_failsWithItsReasonAndCreatesNobody() {
        given.provisionedCustomer().log.failOn("extensions.free",
                new UpstreamException(FailureReason.UPSTREAM_REJECTED, "location not enabled for calling", "trk-9"));

        Outcome outcome = given.handle(order("webex_calling"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "location not enabled for calling", "trk-9"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "subscribers.validate wx-c1 bob@contoso.test webex_calling",
                "locations.locationIdFor org-c1", "extensions.free org-c1 loc-c1"));
    }

    @Test
    void givenSubscriberCreationFails_order_failsWithItsReason() {
        given.provisionedCustomer().log.failOn("subscribers.create",
                new UpstreamException(FailureReason.UPSTREAM_REJECTED, "invalid first name", "trk-3"));

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "invalid first name", "trk-3"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, VALIDATE_MEETINGS, CREATE_MEETINGS));
    }

    @Test
    void givenNoTimeToWait_aNewCustomerStillProvisioning_isInProgressWithoutPolling() {
        given.provisioningWait = Duration.ZERO;
        given.webex.provisionNewCustomersAs(PROVISIONING, PROVISIONED);

        Outcome outcome = given.handle(order("webex_meetings"));

        assertThat(outcome).isInstanceOf(Outcome.InProgress.class);
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "customers.create c1 calling=true", "customers.get wx-c1"));
        assertThat(given.clock.sleeps()).isEmpty();
    }

    @Test
    void givenAnOrderLeftInProgress_theSameOrderLater_findsTheCustomerAndCompletes() {
        given.provisioningWait = Duration.ZERO;
        given.webex.provisionNewCustomersAs(PROVISIONING, PROVISIONED);

        Outcome first = given.handle(order("webex_meetings"));
        Outcome later = given.handle(order("webex_meetings"));

        assertThat(first).isInstanceOf(Outcome.InProgress.class);
        assertThat(later).isEqualTo(BOB_ON_MEETINGS);
        assertThat(given.calls()).containsExactly(VERIFY, FETCH, FIND_CUSTOMER, "customers.create c1 calling=true", "customers.get wx-c1",
                VERIFY, FETCH, FIND_CUSTOMER, VALIDATE_MEETINGS, CREATE_MEETINGS);
    }

    @Test
    void givenACompanyUuidThatCannotNameAnAccount_order_failsInvalidEventInsteadOfCrashing() {
        Outcome outcome = given.handle(order(EventFlag.LIVE, new Company("c:1", "Contoso", null, null, null), BOB, "webex_meetings"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_EVENT);
            assertThat(failed.message()).contains("c:1");
        });
        assertThat(given.calls()).containsExactly(fetchedThen());
    }
}
