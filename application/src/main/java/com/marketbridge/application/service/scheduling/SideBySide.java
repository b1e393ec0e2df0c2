package com.marketbridge.application.service.scheduling;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.subscription.SubscriptionAccount;

/**
 * Which of a company's events may run side by side in its {@link CompanyLane}. Each subscription's events run
 * one at a time, in arrival order. Only two kinds touch nothing but their own subscriber, once the company's
 * Webex customer is known to be provisioned: an order of an edition without calling, and the cancel of a
 * subscription with one user. Everything else may create the customer, take or give back an extension at the
 * company's location, or act on users of other subscriptions, and runs alone.
 */
final class SideBySide {

    private final EditionCatalog catalog;
    private final Subscriptions subscriptions;

    SideBySide(EditionCatalog catalog, Subscriptions subscriptions) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
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

    boolean runsAlone(MarketplaceEvent event, boolean customerKnown) {
        if (!customerKnown) {
            return true;
        }
        if (event instanceof SubscriptionOrdered order) {
            return !(catalog.lookup(order.order().editionCode()) instanceof EditionLookup.Known known
                    && !known.webexPackage().calling());
        }
        if (event instanceof SubscriptionCancelled) {
            return subscriptions.find(subscriptionOf(event)).filter(found -> found.users().size() == 1).isEmpty();
        }
        return true;
    }
}
