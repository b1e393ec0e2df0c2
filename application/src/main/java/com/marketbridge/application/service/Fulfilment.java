package com.marketbridge.application.service;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;

/**
 * One attempt at an event: order, change and cancel provision Webex; every other type is answered as not
 * supported. Attempts are idempotent, so a retry or a replay continues where the last one stopped.
 */
final class Fulfilment {

    private final OrderFulfilment orders;
    private final ChangeFulfilment changes;
    private final CancelFulfilment cancels;

    Fulfilment(Webex webex, FulfilmentSettings settings) {
        this.orders = new OrderFulfilment(webex, settings);
        this.changes = new ChangeFulfilment(webex, settings);
        this.cancels = new CancelFulfilment(webex, settings);
    }

    Outcome attempt(MarketplaceEvent event) {
        try {
            if (event instanceof SubscriptionOrdered order) {
                return orders.fulfil(order);
            }
            if (event instanceof SubscriptionChanged change) {
                return changes.fulfil(change);
            }
            if (event instanceof SubscriptionCancelled cancel) {
                return cancels.fulfil(cancel);
            }
            return new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                    "Event type " + event.type() + " is not supported by this connector yet");
        } catch (UpstreamException e) {
            return e.toOutcome();
        }
    }
}
