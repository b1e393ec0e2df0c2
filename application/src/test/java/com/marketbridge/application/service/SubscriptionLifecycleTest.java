package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subscription as the unit: orders record it, changes and cancels act on every user, notices suspend and restore it. */
class SubscriptionLifecycleTest {

    private static final WebexPackage MEETINGS = new WebexPackage("webex_meetings", false);
    private static final WebexPackage CALLING = new WebexPackage("webex_calling", true);
    private static final CallingAssignment BOB_EXTENSION = new CallingAssignment(LOCATION, "2004");
    private static final CallingAssignment ALICE_EXTENSION = new CallingAssignment(LOCATION, "2007");
    private static final String FIND_CUSTOMER = "customers.findByExternalId c1";

    private final Fixture given = new Fixture().provisionedCustomer();

    /** The subscription recorded with these users, each a Webex subscriber with the package (and extension). */
    private Subscription recorded(WebexPackage webexPackage, Long seats, SubscriptionStatus status, MarketplaceUser... users) {
        List<SubscriptionUser> recordedUsers = new ArrayList<>();
        for (MarketplaceUser user : users) {
            CallingAssignment calling = webexPackage.calling() ? (user == BOB ? BOB_EXTENSION : ALICE_EXTENSION) : null;
            WebexSubscriber subscriber = null;
            if (status == SubscriptionStatus.ACTIVE) {
                subscriber = given.webex.addSubscriber(CUSTOMER, user.email(), webexPackage.name(), SubscriberStatus.PROVISIONED);
                if (calling != null) {
                    given.webex.takeExtension(LOCATION, calling.extension());
                }
            } else {
                given.webex.addPerson(ORG, user.email());
            }
            SubscriptionUser recordedUser = new SubscriptionUser(user.email(), user.firstName(), user.lastName(), null, calling);
            recordedUsers.add(subscriber == null ? recordedUser : recordedUser.withSubscriber(subscriber, calling));
        }
        Subscription subscription = new Subscription(BOB_ACCOUNT, COMPANY, CUSTOMER, webexPackage, seats, status, recordedUsers);
        given.subscriptions.save(subscription);
        return subscription;
    }

    private Subscription record() {
        return given.subscriptions.find(BOB_ACCOUNT).orElseThrow();
    }

    private static SubscriptionNoticed notice(NoticeType type) {
        return new SubscriptionNoticed(token(), EventFlag.LIVE, BOB_ACCOUNT, type, null);
    }

    // ---- orders ------------------------------------------------------------------------------------------------

    @Test
    void anOrder_recordsTheSubscriptionWithTheBuyerAsFirstUserAndTheSeatsOfItsUserItems() {
        given.handle(new SubscriptionOrdered(token(), EventFlag.LIVE, order("webex_calling").company(), BOB,
                new Order("webex_calling", List.of(new OrderItem("USER", 3), new OrderItem("GIGABYTE", 50), new OrderItem("USER", 2)))));

        assertThat(record()).isEqualTo(new Subscription(BOB_ACCOUNT, COMPANY, CUSTOMER, CALLING, 5L, SubscriptionStatus.ACTIVE,
                List.of(new SubscriptionUser(BOB.email(), "Bob", "Buyer", null, null).withSubscriber(
                        given.webex.subscriber(CUSTOMER, BOB.email()).orElseThrow(), new CallingAssignment(LOCATION, "2000")))));
        assertThat(record().users().get(0).optionalPersonId()).as("the person id, for the cancel").isPresent();
    }

    @Test
    void anOrderReplayed_keepsOneUserAndTheirExtension() {
        given.handle(order("webex_calling"));
        Subscription first = record();

        given.handle(order("webex_calling"));

        assertThat(record()).isEqualTo(first);
        assertThat(first.users()).hasSize(1);
    }

    // ---- changes and cancels --------------------------------------------------------------------------------------

    @Test
    void aChangeOfARecordedSubscription_movesEveryUserAndRecordsTheNewExtensionsAndSeats() {
        recorded(MEETINGS, 5L, SubscriptionStatus.ACTIVE, BOB, ALICE);

        Outcome outcome = given.handle(new SubscriptionChanged(token(), EventFlag.LIVE, BOB_ACCOUNT, ALICE,
                new Order("webex_calling", List.of(new OrderItem("USER", 10)))));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "bob@contoso.test, alice@contoso.test are subscribed to webex_calling"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.find wx-c1 bob@contoso.test", "subscribers.find wx-c1 alice@contoso.test",
                "locations.locationIdFor org-c1", "extensions.free org-c1 loc-c1",
                "subscribers.changePackage wx-c1 bob@contoso.test webex_calling ext=2000 loc=loc-c1",
                "extensions.free org-c1 loc-c1", // the location is remembered
                "subscribers.changePackage wx-c1 alice@contoso.test webex_calling ext=2001 loc=loc-c1"));
        assertThat(record().webexPackage()).isEqualTo(CALLING);
        assertThat(record().seatLimit()).isEqualTo(10L);
        assertThat(record().users()).extracting(SubscriptionUser::calling)
                .containsExactly(new CallingAssignment(LOCATION, "2000"), new CallingAssignment(LOCATION, "2001"));
    }

    @Test
    void givenOneRecordedUserIsMissingFromWebex_aChange_changesNobody() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB, ALICE);
        WebexSubscriber alice = given.webex.subscriber(CUSTOMER, ALICE.email()).orElseThrow();
        given.webex.remove(alice.id(), alice.email());
        given.log.clear();

        Outcome outcome = given.handle(change(BOB_ACCOUNT, ALICE, "webex_calling"));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.USER_NOT_FOUND, "alice@contoso.test is not a Webex subscriber of this company"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.find wx-c1 bob@contoso.test", "subscribers.find wx-c1 alice@contoso.test"));
        assertThat(record().webexPackage()).isEqualTo(MEETINGS);
    }

    @Test
    void aCancelOfARecordedSubscription_removesEveryUserByTheirRecordedIds_andRecordsItCancelled() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB, ALICE);

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT,
                "Subscription " + BOB_ACCOUNT + " is cancelled; removed from Webex: bob@contoso.test, alice@contoso.test"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.remove sub-1 bob@contoso.test", "people.removeById person-1 bob@contoso.test",
                "subscribers.remove sub-2 alice@contoso.test", "people.removeById person-2 alice@contoso.test"));
        assertThat(record().status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(given.webex.hasPerson(ORG, ALICE.email())).isFalse();
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).isEmpty();
    }

    @Test
    void aCancelOfAUserRemovedAndAddedAgainAtWebexOutsideTheConnector_findsTheNewOnesByEmail_andRemovesThem() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB);
        // an administrator removed Bob in Partner Hub, then added him again: new subscriber, new person
        given.webex.remove("sub-1", BOB.email());
        given.webex.removeById("person-1", BOB.email());
        given.webex.addSubscriber(CUSTOMER, BOB.email(), "webex_meetings", SubscriberStatus.PROVISIONED);
        given.log.clear();

        Outcome outcome = given.handle(cancel(BOB_ACCOUNT, ALICE));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT,
                "Subscription " + BOB_ACCOUNT + " is cancelled; removed from Webex: bob@contoso.test"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.remove sub-1 bob@contoso.test", "subscribers.find wx-c1 bob@contoso.test",
                "subscribers.remove sub-2 bob@contoso.test",
                "people.removeById person-1 bob@contoso.test", "people.removeByEmail org-c1 bob@contoso.test"));
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).isEmpty();
        assertThat(given.webex.hasPerson(ORG, BOB.email())).isFalse();
    }

    // ---- notices -------------------------------------------------------------------------------------------------

    @Test
    void aDeactivation_removesEverySubscriberButKeepsThePersonsAndTheRecord() {
        recorded(CALLING, 2L, SubscriptionStatus.ACTIVE, BOB, ALICE);

        Outcome outcome = given.handle(notice(NoticeType.DEACTIVATED));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "Subscription " + BOB_ACCOUNT
                + " is suspended: its 2 user(s) lost their Webex subscriber; their Webex accounts and extensions are kept"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.remove sub-1 bob@contoso.test", "subscribers.remove sub-2 alice@contoso.test"));
        assertThat(given.webex.hasPerson(ORG, BOB.email())).isTrue();
        assertThat(record().status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(record().users()).extracting(SubscriptionUser::subscriberId).containsOnlyNulls();
        assertThat(record().users()).extracting(SubscriptionUser::calling).containsExactly(BOB_EXTENSION, ALICE_EXTENSION);
    }

    @Test
    void givenThePolicyIgnore_aDeactivation_completesWithoutAnyCall() {
        recorded(CALLING, 2L, SubscriptionStatus.ACTIVE, BOB);
        given.deactivation = DeactivationPolicy.IGNORE;
        Subscription before = record();
        given.log.clear();

        Outcome outcome = given.handle(notice(NoticeType.DEACTIVATED));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT,
                "Deactivation is ignored by the connector's settings (DEACTIVATED_POLICY=ignore); the users keep Webex"));
        assertThat(given.calls()).containsExactly(fetchedThen());
        assertThat(record()).isEqualTo(before);
    }

    @Test
    void aReactivation_recreatesEverySubscriberWithTheRecordedPackageAndExtension() {
        recorded(CALLING, 2L, SubscriptionStatus.SUSPENDED, BOB, ALICE);

        Outcome outcome = given.handle(notice(NoticeType.REACTIVATED));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "Subscription " + BOB_ACCOUNT
                + " is active again: its 2 user(s) have webex_calling again"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.find wx-c1 bob@contoso.test", "subscribers.create wx-c1 bob@contoso.test webex_calling ext=2004 loc=loc-c1",
                "subscribers.find wx-c1 alice@contoso.test", "subscribers.create wx-c1 alice@contoso.test webex_calling ext=2007 loc=loc-c1"));
        assertThat(record().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(record().users()).extracting(SubscriptionUser::subscriberId)
                .containsExactly(given.webex.subscriber(CUSTOMER, BOB.email()).orElseThrow().id(),
                        given.webex.subscriber(CUSTOMER, ALICE.email()).orElseThrow().id());
    }

    @Test
    void aDeactivationThenAReactivation_givesEveryoneTheirSubscriberBack() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB, ALICE);

        given.handle(notice(NoticeType.DEACTIVATED));
        Outcome outcome = given.handle(notice(NoticeType.REACTIVATED));

        assertThat(outcome).isInstanceOf(Outcome.Completed.class);
        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).map(WebexSubscriber::packageName).contains("webex_meetings");
        assertThat(given.webex.subscriber(CUSTOMER, ALICE.email())).map(WebexSubscriber::packageName).contains("webex_meetings");
        assertThat(record().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void aClosedNotice_endsTheSubscriptionAsACancelDoes() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB);

        Outcome outcome = given.handle(notice(NoticeType.CLOSED));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT,
                "Subscription " + BOB_ACCOUNT + " is cancelled; removed from Webex: bob@contoso.test"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER,
                "subscribers.remove sub-1 bob@contoso.test", "people.removeById person-1 bob@contoso.test"));
        assertThat(record().status()).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void anUpcomingInvoice_changesNothingAndCallsNothing() {
        recorded(MEETINGS, null, SubscriptionStatus.ACTIVE, BOB);
        given.log.clear();

        Outcome outcome = given.handle(notice(NoticeType.UPCOMING_INVOICE));

        assertThat(outcome).isEqualTo(new Outcome.Completed(BOB_ACCOUNT, "Notice UPCOMING_INVOICE changes nothing in Webex"));
        assertThat(given.calls()).containsExactly(fetchedThen());
    }

    @Test
    void givenAnAccountFromBeforeRecords_aDeactivation_adoptsItsSubscriberFromWebex() {
        given.subscriber(BOB, "webex_calling");

        given.handle(notice(NoticeType.DEACTIVATED));

        assertThat(given.webex.subscriber(CUSTOMER, BOB.email())).isEmpty();
        assertThat(record().status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(record().webexPackage()).isEqualTo(CALLING);
        assertThat(record().users()).extracting(SubscriptionUser::email).containsExactly(BOB.email());
    }

    @Test
    void givenNoRecordAndNoSubscriber_aDeactivation_failsAccountNotFound() {
        Outcome outcome = given.handle(notice(NoticeType.DEACTIVATED));

        assertThat(outcome).isEqualTo(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                "Account " + BOB_ACCOUNT + " has no recorded subscription and Webex has no subscriber for it"));
        assertThat(given.calls()).containsExactly(fetchedThen(FIND_CUSTOMER, "subscribers.find wx-c1 bob@contoso.test"));
    }
}
