package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/**
 * The users of a subscription: an assigned user becomes a subscriber of the account's customer with its
 * package, within the seat limit; an unassigned one leaves Webex; an updated one has their names recorded.
 */
final class UserFulfilment {

    private final Webex webex;
    private final SubscriberLocator locator;
    private final CallingAssignments calling;
    private final SubscriptionRecords records;

    UserFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records) {
        this.webex = webex;
        this.locator = new SubscriberLocator(webex, settings);
        this.calling = new CallingAssignments(webex, settings);
        this.records = records;
    }

    Outcome assign(UserAssigned assigned) {
        String account = assigned.accountIdentifier();
        MarketplaceUser user = assigned.user();
        Optional<Subscription> known = records.find(account);
        if (known.isPresent()) {
            // the record alone decides these, before anything is asked of Webex
            Optional<Outcome> decided = decidedByTheRecord(known.get(), user);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        SubscriberLocator.Located located = locator.locate(account, Optional.ofNullable(assigned.creator()));
        if (!located.found()) {
            return located.instead();
        }
        Optional<Subscription> record = known.isPresent() ? known : records.findOrAdopt(account, located);
        if (record.isEmpty()) {
            return noSubscription(account);
        }
        if (known.isEmpty()) {
            Optional<Outcome> decided = decidedByTheRecord(record.get(), user);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        Subscription subscription = record.get();
        SubscriptionUser newUser = new SubscriptionUser(user.email(), user.firstName(), user.lastName(), null, null);
        if (subscription.status() == SubscriptionStatus.SUSPENDED) {
            records.save(subscription.withUser(newUser));
            return new Outcome.Completed(account, user.email() + " is added to suspended subscription " + account
                    + " and gets Webex when it is reactivated");
        }
        WebexPackage webexPackage = subscription.webexPackage();
        String customerId = located.customer().id();
        try {
            webex.subscribers().validate(customerId, user.email(), webexPackage);
        } catch (UpstreamException rejected) {
            if (rejected.reason() != FailureReason.USER_ALREADY_EXISTS) {
                throw rejected;
            }
            // a replay after the subscriber was made but before it was recorded
            Optional<WebexSubscriber> ours = webex.subscribers().find(customerId, user.email())
                    .filter(existing -> existing.packageName().equals(webexPackage.name()));
            if (ours.isEmpty()) {
                return rejected.toOutcome();
            }
            return recordOnceProvisioned(subscription, newUser, ours.get(), null);
        }
        CallingAssignment assignment = webexPackage.calling() ? calling.forCustomer(located.customer()) : null;
        WebexSubscriber created = webex.subscribers().create(new NewSubscriber(customerId, user.email(), user.firstName(),
                user.lastName(), webexPackage, assignment));
        return recordOnceProvisioned(subscription, newUser, created, assignment);
    }

    /**
     * A user waiting to accept moving a free Webex account in is not recorded yet: the retry then asks Webex
     * again instead of taking the record's word that the assignment is done. The event holds its company's
     * lane meanwhile, so no other assignment can take the seat.
     */
    private Outcome recordOnceProvisioned(Subscription subscription, SubscriptionUser user, WebexSubscriber subscriber,
                                          CallingAssignment assignment) {
        String account = subscription.accountIdentifier();
        if (subscriber.status() == SubscriberStatus.PENDING_USER_MIGRATION) {
            return new Outcome.InProgress(subscriber.email() + " already has a free Webex account; Webex asked the user"
                    + " to accept moving it into the organization, and the assignment completes then.");
        }
        records.save(subscription.withUser(user.withSubscriber(subscriber.id(), assignment)));
        return new Outcome.Completed(account, subscriber.email() + " is subscribed to " + subscriber.packageName());
    }

    /** A cancelled subscription, a user already there, or no free seat: answered without Webex. */
    private static Optional<Outcome> decidedByTheRecord(Subscription subscription, MarketplaceUser user) {
        String account = subscription.accountIdentifier();
        if (subscription.status() == SubscriptionStatus.CANCELLED) {
            return Optional.of(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Subscription " + account + " is cancelled"));
        }
        if (subscription.optionalUser(user.email()).isPresent()) {
            return Optional.of(new Outcome.Completed(account, user.email() + " is already a user of subscription " + account));
        }
        if (!subscription.hasSeatFor(user.email())) {
            return Optional.of(new Outcome.Failed(FailureReason.MAX_USERS_REACHED, "Subscription " + account + " has "
                    + subscription.seatLimit() + " seat(s), all taken; " + user.email() + " cannot be assigned"));
        }
        return Optional.empty();
    }

    Outcome unassign(UserUnassigned unassigned) {
        String account = unassigned.accountIdentifier();
        String email = unassigned.user().email();
        Optional<Subscription> known = records.find(account);
        if (known.isPresent() && known.get().optionalUser(email).isEmpty()) {
            return notAUser(email, account);
        }
        SubscriberLocator.Located located = locator.locate(account, Optional.ofNullable(unassigned.creator()));
        if (!located.found()) {
            return located.instead();
        }
        Optional<Subscription> record = known.isPresent() ? known : records.findOrAdopt(account, located);
        if (record.isEmpty()) {
            return noSubscription(account);
        }
        if (record.get().optionalUser(email).isEmpty()) {
            return notAUser(email, account);
        }
        webex.removeUser(located.customer(), email);
        records.save(record.get().withoutUser(email));
        return new Outcome.Completed(account, email + " is removed from Webex and from subscription " + account);
    }

    /** Webex cannot rename a wholesale subscriber (its update takes packages and calling parameters only). */
    Outcome update(UserUpdated updated) {
        String account = updated.accountIdentifier();
        MarketplaceUser user = updated.user();
        Optional<Subscription> record = records.find(account);
        Optional<SubscriptionUser> recorded = record.flatMap(subscription -> subscription.optionalUser(user.email()));
        if (recorded.isEmpty()) {
            return new Outcome.Completed(account, user.email() + " is not a recorded user of subscription " + account
                    + "; nothing changed, and Webex keeps the names it has");
        }
        records.save(record.get().withUser(recorded.get().withNames(user.firstName(), user.lastName())));
        return new Outcome.Completed(account, "The new names of " + user.email() + " are recorded; Webex keeps the names"
                + " it has, since a wholesale subscriber cannot be renamed");
    }

    private static Outcome noSubscription(String account) {
        return new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Account " + account
                + " has no recorded subscription and Webex has no subscriber for it");
    }

    private static Outcome notAUser(String email, String account) {
        return new Outcome.Failed(FailureReason.USER_NOT_FOUND, email + " is not a user of subscription " + account);
    }
}
