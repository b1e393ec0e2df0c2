package com.marketbridge.application.service;

import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/**
 * A subscription ends: its subscriber is removed, then the Webex person, so the email can later join
 * another organization. Both steps tolerate having been done already, so a replay completes too.
 */
final class CancelFulfilment {

    private final Webex webex;
    private final SubscriberLocator locator;

    CancelFulfilment(Webex webex, FulfilmentSettings settings) {
        this.webex = webex;
        this.locator = new SubscriberLocator(webex, settings);
    }

    Outcome fulfil(SubscriptionCancelled cancel) {
        SubscriberLocator.Located located = locator.locate(cancel.accountIdentifier(), cancel.optionalCreator());
        if (!located.found()) {
            return located.instead();
        }
        String email = located.account().subscriberEmail();
        Optional<WebexSubscriber> subscriber = webex.subscribers().find(located.customer().id(), email);
        subscriber.ifPresent(webex.subscribers()::remove);
        boolean personRemoved = webex.people().remove(located.customer().orgId(), email);
        String message = subscriber.isPresent() || personRemoved
                ? email + " is removed from Webex"
                : email + " was already removed from Webex";
        return new Outcome.Completed(located.account().identifier(), message);
    }
}
