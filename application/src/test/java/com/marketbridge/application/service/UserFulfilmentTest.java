package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Users assigned to, unassigned from and updated on a subscription, against the fakes. */
class UserFulfilmentTest {

    private static final MarketplaceUser CAROL = new MarketplaceUser("u-carol", "carol@contoso.test", "Carol", "Caller", "en-US");
    private static final String FIND_CUSTOMER = "customers.findByExternalId c1";

    private final Fixture given = new Fixture().provisionedCustomer();

    /** Bob's subscription with Bob on it, as his order left it. */
    private void bobsSubscription(String packageName, Long seats) {
        String id = given.webex.addSubscriber(CUSTOMER, BOB.email(), packageName, SubscriberStatus.PROVISIONED).id();
        boolean calling = !packageName.equals("webex_meetings");
        given.subscriptions.save(new Subscription(BOB_ACCOUNT, COMPANY, CUSTOMER, new WebexPackage(packageName, calling), seats,
                SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser(BOB.email(), "Bob", "Buyer", id,
                        calling ? new CallingAssignment(LOCATION, "2000") : null))));
        if (calling) {
            given.webex.takeExtension(LOCATION, "2000");
        }
    }

    private Subscription record() {
        return given.subscriptions.find(BOB_ACCOUNT).orElseThrow();
    }

    private static UserAssigned assign(MarketplaceUser user) {
        return new UserAssigned(token(), EventFlag.LIVE, BOB_ACCOUNT, user, BOB);
    }

    @Test
    void anAssignment_subscribesTheUserWithTheAccountsPackageAndACallingExtension() {
        bobsSubscription("webex_calling", 3L);

        Outcome outcome = given.handle(assign(CAROL));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "carol@contoso.test is subscribed to webex_calling"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.validate wx-c1 carol@contoso.test webex_calling",
                "locations.locationIdFor org-c1", "extensions.free org-c1 loc-c1",
                "subscribers.create wx-c1 carol@contoso.test webex_calling ext=2001 loc=loc-c1"));
        assertThat(record().users()).extracting(SubscriptionUser::email).containsExactly(BOB.email(), CAROL.email());
        assertThat(record().optionalUser(CAROL.email()).orElseThrow())
                .isEqualTo(new SubscriptionUser(CAROL.email(), "Carol", "Caller", null, null).withSubscriber(
                        given.webex.subscriber(CUSTOMER, CAROL.email()).orElseThrow(), new CallingAssignment(LOCATION, "2001")));
    }

    @Test
    void givenEverySeatTaken_anAssignment_failsMaxUsersReachedWithoutCallingWebex() {
        bobsSubscription("webex_meetings", 1L);

        Outcome outcome = given.handle(assign(CAROL));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.MAX_USERS_REACHED,
                "Subscription " + BOB_ACCOUNT + " has 1 seat(s), all taken; carol@contoso.test cannot be assigned"));
        assertThat(given.calls()).containsExactly(fetchedThen());
        assertThat(record().users()).hasSize(1);
    }

    @Test
    void givenTheUserIsAlreadyOnTheSubscription_anAssignment_completesWithoutCallingWebex() {
        bobsSubscription("webex_meetings", 1L);

        Outcome outcome = given.handle(assign(BOB));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test is already a user of subscription " + BOB_ACCOUNT));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenTheUserBelongsToAnotherOrganization_anAssignment_failsUserAlreadyExistsWithWebexsMessageAndCreatesNothing() {
        bobsSubscription("webex_meetings", null);
        given.webex.addPerson("org-elsewhere", CAROL.email());

        Outcome outcome = given.handle(assign(CAROL));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.USER_ALREADY_EXISTS,
                "The email carol@contoso.test already belongs to a Webex user", "fake-tracking"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.validate wx-c1 carol@contoso.test webex_meetings", "subscribers.find wx-c1 carol@contoso.test"));
        assertThat(record().users()).hasSize(1);
    }

    @Test
    void givenWebexWaitsForTheUserToMigrateAFreeAccount_anAssignment_staysInProgressAndUnrecordedUntilProvisioned() {
        bobsSubscription("webex_meetings", 2L);
        given.webex.createSubscribersAs(SubscriberStatus.PENDING_USER_MIGRATION);

        Outcome first = given.handle(assign(CAROL));
        Outcome retried = given.handle(assign(CAROL));
        given.webex.addSubscriber(CUSTOMER, CAROL.email(), "webex_meetings", SubscriberStatus.PROVISIONED);
        Outcome afterConsent = given.handle(assign(CAROL));

        assertThat(first).isInstanceOf(Outcome.InProgress.class);
        assertThat(retried).isEqualTo(first);
        assertThat(afterConsent).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "carol@contoso.test is subscribed to webex_meetings"));
        assertThat(given.calls()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
        assertThat(record().users()).extracting(SubscriptionUser::email).containsExactly(BOB.email(), CAROL.email());
    }

    @Test
    void anAssignmentToAnAccountWithoutRecordOrSubscriber_failsAccountNotFound() {
        Outcome outcome = given.handle(assign(CAROL));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                "Account " + BOB_ACCOUNT + " has no recorded subscription and Webex has no subscriber for it"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "subscribers.find wx-c1 bob@contoso.test"));
    }

    @Test
    void anUnassignment_removesTheUsersSubscriberAndPersonAndDropsThemFromTheRecord() {
        bobsSubscription("webex_meetings", null);
        given.handle(assign(CAROL));
        given.log.clear();

        Outcome outcome = given.handle(new UserUnassigned(token(), EventFlag.LIVE, BOB_ACCOUNT, CAROL, BOB));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "carol@contoso.test is removed from Webex and from subscription " + BOB_ACCOUNT));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.remove sub-2 carol@contoso.test", "people.removeById person-2 carol@contoso.test"));
        assertThat(given.webex.subscriber(CUSTOMER, CAROL.email())).isEmpty();
        assertThat(given.webex.hasPerson(ORG, CAROL.email())).isFalse();
        assertThat(record().users()).extracting(SubscriptionUser::email).containsExactly(BOB.email());
    }

    @Test
    void anUnassignmentOfAnUnknownUser_failsUserNotFoundWithoutCallingWebex() {
        bobsSubscription("webex_meetings", null);

        Outcome outcome = given.handle(new UserUnassigned(token(), EventFlag.LIVE, BOB_ACCOUNT, CAROL, BOB));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.USER_NOT_FOUND,
                "carol@contoso.test is not a user of subscription " + BOB_ACCOUNT));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void anUpdatedUser_hasTheNewNamesRecordedAndWebexIsLeftAlone() {
        bobsSubscription("webex_meetings", null);

        Outcome outcome = given.handle(new UserUpdated(token(), EventFlag.LIVE, BOB_ACCOUNT,
                new MarketplaceUser("u-bob", BOB.email(), "Robert", "Buyer-Smith", null), null));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "The new names of bob@contoso.test are recorded;"
                + " Webex keeps the names it has, since a wholesale subscriber cannot be renamed"));
        assertThat(given.calls()).containsExactly(fetchedThen());
        assertThat(record().users().get(0).firstName()).isEqualTo("Robert");
        assertThat(record().users().get(0).lastName()).isEqualTo("Buyer-Smith");
    }

    @Test
    void aLegacyAddOnEvent_failsConfigurationErrorNamingItsType() {
        Outcome outcome = given.handle(new UnsupportedEvent(token(), EventFlag.LIVE, "ADDON_ORDER"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                "Event type ADDON_ORDER is not supported by this connector"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }
}
