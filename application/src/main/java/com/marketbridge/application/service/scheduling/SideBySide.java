package com.marketbridge.application.service.scheduling;

import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.subscription.SubscriptionAccount;

/**
 * Which of a company's events may run side by side in its {@link CompanyLane}. Each subscription's events run one
 * at a time, in arrival order. Until the company's Webex customer is known to be provisioned, any event may be the
 * one that creates it, so each runs alone; after that, nothing else is shared between subscriptions: extensions
 * are reserved atomically, and every other step acts on the event's own subscription.
 */
final class SideBySide {

    private SideBySide() {
    }

    static boolean runsAlone(boolean customerKnown) {
        return !customerKnown;
    }

    /** The subscription the event acts on: an order's is the account it creates. */
    static String subscriptionOf(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            try {
                return new SubscriptionAccount(order.company().uuid(), order.creator().email()).identifier();
            } catch (IllegalArgumentException e) {
                return event.token().value(); // names no account: the order fails at once
            }
        }
        return event instanceof AccountEvent account ? account.accountIdentifier() : event.token().value();
    }
}
