package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.util.List;

/**
 * A new subscription: the company's Webex customer (created on its first order), then the buyer as a
 * subscriber, recorded as the subscription's first user. Replaying the same order finds what the first
 * run made instead of making it twice.
 */
final class OrderFulfilment {

    private final Webex webex;
    private final FulfilmentSettings settings;
    private final CustomerReadiness readiness;
    private final Subscribing subscribing;
    private final SubscriptionRecords records;

    OrderFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records, Subscribing subscribing) {
        this.webex = webex;
        this.records = records;
        this.settings = settings;
        this.readiness = new CustomerReadiness(webex.customers(), settings);
        this.subscribing = subscribing;
    }

    Outcome fulfil(SubscriptionOrdered order) {
        EditionLookup edition = settings.catalog().lookup(order.order().editionCode());
        if (edition instanceof EditionLookup.Unknown unknown) {
            return new Outcome.Failed(FailureReason.UNKNOWN_EDITION, unknown.message());
        }
        WebexPackage webexPackage = ((EditionLookup.Known) edition).webexPackage();
        MarketplaceUser buyer = order.creator();
        SubscriptionAccount account;
        try {
            account = new SubscriptionAccount(order.company().uuid(), buyer.email());
        } catch (IllegalArgumentException e) {
            // the marketplace's data, not ours: answer it rather than crash the use case
            return new Outcome.Failed(FailureReason.INVALID_EVENT,
                    "Company '" + order.company().uuid() + "' cannot name a subscription account: " + e.getMessage());
        }

        WebexCustomer found = webex.customers().findByExternalId(order.company().uuid())
                .orElseGet(() -> webex.customers().get(webex.customers().create(newCustomer(order))));
        CustomerReadiness.Readiness ready = readiness.await(found, order.company().name());
        if (!ready.ready()) {
            return ready.instead();
        }
        Subscription fresh = new Subscription(account.identifier(), account.companyUuid(), ready.customer().id(),
                webexPackage, Subscription.seatLimitOf(order.order()), SubscriptionStatus.ACTIVE, List.of());
        return subscribe(ready.customer(), buyer, webexPackage, account, fresh);
    }

    private Outcome subscribe(WebexCustomer customer, MarketplaceUser buyer, WebexPackage webexPackage, SubscriptionAccount account,
                              Subscription fresh) {
        Subscribing.Subscribed subscribed = subscribing.subscribe(customer, buyer.email(), buyer.firstName(),
                buyer.lastName(), webexPackage);
        record(fresh, buyer, subscribed);
        return subscribed.awaitsConsent() ? subscribed.awaitingConsent("the subscription")
                : new Outcome.Completed(account.identifier(), buyer.email() + " is subscribed to " + subscribed.subscriber().packageName());
    }

    /**
     * The buyer as the subscription's first user. A replay keeps what the first run recorded; a cancelled
     * subscription under the same identifier (the buyer ordering again) starts over.
     */
    private void record(Subscription fresh, MarketplaceUser buyer, Subscribing.Subscribed subscribed) {
        Subscription current = records.find(fresh.accountIdentifier())
                .filter(known -> known.status() != SubscriptionStatus.CANCELLED)
                .orElse(fresh);
        SubscriptionUser user = current.optionalUser(buyer.email())
                .orElseGet(() -> new SubscriptionUser(buyer.email(), buyer.firstName(), buyer.lastName(), null, null));
        CallingAssignment calling = subscribed.calling() != null ? subscribed.calling() : user.calling();
        records.save(current.withUser(user.withSubscriber(subscribed.subscriber(), calling)));
    }

    private NewCustomer newCustomer(SubscriptionOrdered order) {
        String primaryEmail = order.company().optionalEmail().orElse(order.creator().email());
        return new NewCustomer(order.company().uuid(), order.company().name(), primaryEmail,
                order.creator().optionalLocale().orElse(null), settings.template(),
                settings.catalog().anyCalling(settings.template().packages()));
    }
}
