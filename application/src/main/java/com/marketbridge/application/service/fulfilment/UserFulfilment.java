package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.Optional;

/**
 * The users of a subscription: an assigned user becomes a subscriber of the account's customer with its
 * package, within the seat limit; an unassigned one leaves Webex; an updated one has their names recorded.
 */
final class UserFulfilment {

    private final Webex webex;
    private final SubscriberLocator locator;
    private final Subscribing subscribing;
    private final ExtensionPicker extensions;
    private final SubscriptionRecords records;

    UserFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records, Subscribing subscribing,
                   ExtensionPicker extensions) {
        this.webex = webex;
        this.locator = new SubscriberLocator(webex, settings);
        this.subscribing = subscribing;
        this.extensions = extensions;
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
        Subscribing.Subscribed subscribed = subscribing.subscribe(located.customer(), user.email(), user.firstName(),
                user.lastName(), subscription.webexPackage());
        // a user waiting to accept moving a free Webex account in is not recorded yet: the retry then asks Webex
        // again instead of taking the record's word; the subscription's events wait meanwhile, so none takes the seat
        if (subscribed.awaitsConsent()) {
            return subscribed.awaitingConsent("the assignment");
        }
        records.save(subscription.withUser(newUser.withSubscriber(subscribed.subscriber(), subscribed.calling())));
        return new Outcome.Completed(account, user.email() + " is subscribed to " + subscribed.subscriber().packageName());
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
        SubscriptionUser leaving = record.get().optionalUser(email).orElseThrow();
        webex.removeUser(located.customer(), leaving);
        extensions.releaseOf(leaving);
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
