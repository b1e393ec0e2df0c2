package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/**
 * The marketplace's notices: DEACTIVATED suspends the subscription (its users' subscribers are removed,
 * their persons and the record kept), REACTIVATED gives every user their subscriber back with the recorded
 * package and extension, CLOSED ends it as a cancel does, and an upcoming invoice changes nothing.
 */
final class NoticeFulfilment {

    private final Webex webex;
    private final FulfilmentSettings settings;
    private final SubscriberLocator locator;
    private final Subscribing subscribing;
    private final SubscriptionRecords records;
    private final CancelFulfilment cancels;

    NoticeFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records, Subscribing subscribing,
                     CancelFulfilment cancels) {
        this.webex = webex;
        this.settings = settings;
        this.locator = new SubscriberLocator(webex, settings);
        this.subscribing = subscribing;
        this.records = records;
        this.cancels = cancels;
    }

    Outcome fulfil(SubscriptionNoticed notice) {
        String account = notice.accountIdentifier();
        switch (notice.notice()) {
            case UPCOMING_INVOICE, OTHER -> {
                return new Outcome.Completed(account, "Notice " + notice.notice() + " changes nothing in Webex");
            }
            case DEACTIVATED -> {
                if (settings.deactivation() == DeactivationPolicy.IGNORE) {
                    return new Outcome.Completed(account, "Deactivation is ignored by the connector's settings"
                            + " (DEACTIVATED_POLICY=ignore); the users keep Webex");
                }
            }
            default -> {
                // acted on below
            }
        }
        SubscriberLocator.Located located = locator.locate(account, Optional.empty());
        if (!located.found()) {
            return located.instead();
        }
        Optional<Subscription> record = records.findOrAdopt(account, located);
        if (record.isEmpty()) {
            return new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Account " + account
                    + " has no recorded subscription and Webex has no subscriber for it");
        }
        return switch (notice.notice()) {
            case DEACTIVATED -> suspend(record.get(), located.customer());
            case REACTIVATED -> reactivate(record.get(), located.customer());
            default -> cancels.end(record.get(), located.customer());
        };
    }

    private Outcome suspend(Subscription record, WebexCustomer customer) {
        String account = record.accountIdentifier();
        if (record.status() != SubscriptionStatus.ACTIVE) {
            return new Outcome.Completed(account, "Subscription " + account + " is already " + record.status());
        }
        for (SubscriptionUser user : record.users()) {
            webex.removeSubscriber(customer, user);
        }
        records.save(record.withUsers(SubscriptionUser::withoutSubscriber).withStatus(SubscriptionStatus.SUSPENDED));
        return new Outcome.Completed(account, "Subscription " + account + " is suspended: its " + record.users().size()
                + " user(s) lost their Webex subscriber; their Webex accounts and extensions are kept");
    }

    private Outcome reactivate(Subscription record, WebexCustomer customer) {
        String account = record.accountIdentifier();
        if (record.status() == SubscriptionStatus.CANCELLED) {
            return new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Subscription " + account
                    + " is cancelled and cannot be reactivated");
        }
        if (record.status() == SubscriptionStatus.ACTIVE) {
            return new Outcome.Completed(account, "Subscription " + account + " is already active");
        }
        WebexPackage webexPackage = record.webexPackage();
        Subscription next = record;
        for (SubscriptionUser user : record.users()) {
            Optional<WebexSubscriber> existing = webex.subscribers().find(customer.id(), user.email());
            Subscribing.Subscribed subscribed = existing
                    .map(found -> new Subscribing.Subscribed(found, webexPackage.calling() ? user.calling() : null))
                    .orElseGet(() -> subscribing.create(customer, user.email(), user.firstName(), user.lastName(),
                            webexPackage, user.optionalCalling()));
            // saved after each user, so a retry after a failure part-way does not create anyone twice
            next = next.withUser(user.withSubscriber(subscribed.subscriber(), subscribed.calling()));
            records.save(next);
        }
        records.save(next.withStatus(SubscriptionStatus.ACTIVE));
        return new Outcome.Completed(account, "Subscription " + account + " is active again: its " + record.users().size()
                + " user(s) have " + webexPackage.name() + " again");
    }
}
