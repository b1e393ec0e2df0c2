package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.List;
import java.util.Optional;

/**
 * The record of an account's subscription, or, for an account made before subscriptions were recorded,
 * one adopted from what Webex has: the subscriber the account names, with its current package.
 */
final class SubscriptionRecords {

    private final Webex webex;
    private final Subscriptions subscriptions;
    private final FulfilmentSettings settings;

    SubscriptionRecords(Webex webex, Subscriptions subscriptions, FulfilmentSettings settings) {
        this.webex = webex;
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    /** The record under the identifier exactly as the marketplace sends it back; demo-era identifiers have none. */
    Optional<Subscription> find(String accountIdentifier) {
        return subscriptions.find(accountIdentifier.strip());
    }

    void save(Subscription subscription) {
        subscriptions.save(subscription);
    }

    /** The record, else one adopted from Webex (unlimited seats, names unknown), else empty. */
    Optional<Subscription> findOrAdopt(String accountIdentifier, SubscriberLocator.Located located) {
        Optional<Subscription> known = find(accountIdentifier);
        if (known.isPresent()) {
            return known;
        }
        String email = located.account().subscriberEmail();
        return webex.subscribers().find(located.customer().id(), email)
                .map(subscriber -> new Subscription(accountIdentifier.strip(), located.account().companyUuid(),
                        located.customer().id(), settings.catalog().packageNamed(subscriber.packageName()), null,
                        SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser(email, null, null, subscriber.id(), subscriber.personId(), null))));
    }
}
