package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A subscription moves to another edition: every user of the subscription gets the new package, and a
 * location and extension when it newly includes calling. Moving to meetings leaves calling parameters out.
 * Accounts without a record (made by the demo, or before subscriptions were recorded) keep their one subscriber.
 */
final class ChangeFulfilment {

    private final Webex webex;
    private final FulfilmentSettings settings;
    private final SubscriberLocator locator;
    private final ExtensionPicker extensions;
    private final SubscriptionRecords records;

    ChangeFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records, ExtensionPicker extensions) {
        this.webex = webex;
        this.settings = settings;
        this.locator = new SubscriberLocator(webex, settings);
        this.extensions = extensions;
        this.records = records;
    }

    Outcome fulfil(SubscriptionChanged change) {
        EditionLookup edition = settings.catalog().lookup(change.order().editionCode());
        if (edition instanceof EditionLookup.Unknown unknown) {
            return new Outcome.Failed(FailureReason.UNKNOWN_EDITION, unknown.message());
        }
        WebexPackage target = ((EditionLookup.Known) edition).webexPackage();
        SubscriberLocator.Located located = locator.locate(change.accountIdentifier(), change.optionalCreator());
        if (!located.found()) {
            return located.instead();
        }
        Optional<Subscription> record = records.find(change.accountIdentifier());
        if (record.isPresent()) {
            return changeEveryUser(record.get(), located.customer(), target, Subscription.seatLimitOf(change.order()));
        }
        String email = located.account().subscriberEmail();
        Optional<WebexSubscriber> subscriber = webex.subscribers().find(located.customer().id(), email);
        if (subscriber.isEmpty()) {
            return new Outcome.Failed(FailureReason.USER_NOT_FOUND, email + " is not a Webex subscriber of this company");
        }
        String done = email + " is subscribed to " + target.name();
        if (!subscriber.get().packageName().equals(target.name())) {
            changePackage(subscriber.get(), target, located.customer());
        }
        return new Outcome.Completed(located.account().identifier(), done);
    }

    private Outcome changeEveryUser(Subscription record, WebexCustomer customer, WebexPackage target, Long seatLimit) {
        String account = record.accountIdentifier();
        if (record.status() == SubscriptionStatus.CANCELLED) {
            return new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Subscription " + account + " is cancelled");
        }
        Subscription next = record.withPlan(target, seatLimit);
        if (record.status() == SubscriptionStatus.SUSPENDED) {
            // its users have no subscriber to change; a reactivation gives them the new package
            records.save(next);
            return new Outcome.Completed(account, "Subscription " + account + " is suspended; its users get "
                    + target.name() + " when it is reactivated");
        }
        // every subscriber is found before the first change, so a missing one changes nobody
        List<WebexSubscriber> subscribers = new ArrayList<>();
        for (SubscriptionUser user : record.users()) {
            Optional<WebexSubscriber> subscriber = webex.subscribers().find(customer.id(), user.email());
            if (subscriber.isEmpty()) {
                return new Outcome.Failed(FailureReason.USER_NOT_FOUND, user.email() + " is not a Webex subscriber of this company");
            }
            subscribers.add(subscriber.get());
        }
        for (int i = 0; i < subscribers.size(); i++) {
            WebexSubscriber subscriber = subscribers.get(i);
            SubscriptionUser user = record.users().get(i);
            CallingAssignment kept = target.calling() ? user.calling() : null;
            if (!subscriber.packageName().equals(target.name())) {
                kept = changePackage(subscriber, target, customer).orElse(kept);
                if (!target.calling()) {
                    extensions.releaseOf(user);
                }
            }
            // saved after each user, so a retry after a failure part-way keeps the extensions already given
            next = next.withUser(user.withSubscriber(subscriber, kept));
            records.save(next);
        }
        records.save(next);
        return new Outcome.Completed(account, record.users().stream().map(SubscriptionUser::email)
                .collect(Collectors.joining(", ")) + (record.users().size() == 1 ? " is" : " are") + " subscribed to " + target.name());
    }

    /** Moves the subscriber to the package; returns the extension it was given when it newly has calling. */
    private Optional<CallingAssignment> changePackage(WebexSubscriber subscriber, WebexPackage target, WebexCustomer customer) {
        boolean newlyCalling = target.calling() && !settings.catalog().packageNamed(subscriber.packageName()).calling();
        if (!newlyCalling) {
            webex.subscribers().changePackage(subscriber, target, Optional.empty());
            return Optional.empty();
        }
        return Optional.of(extensions.withExtension(customer, subscriber.email(), Optional.empty(), assignment -> {
            webex.subscribers().changePackage(subscriber, target, Optional.of(assignment));
            return assignment;
        }));
    }
}
