package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;

/**
 * One attempt at an event: each subscription and user event type has its fulfilment; the types the
 * connector does not handle (legacy add-on events) are answered as not supported. Attempts are
 * idempotent, so a retry or a replay continues where the last one stopped. A company's provisioned Webex
 * customer is remembered (in {@link KnownCustomers}), so later events skip the lookup.
 */
public final class Fulfilment {

    private final RememberedCustomers customers;
    private final OrderFulfilment orders;
    private final ChangeFulfilment changes;
    private final CancelFulfilment cancels;
    private final NoticeFulfilment notices;
    private final UserFulfilment users;

    public Fulfilment(Webex webex, FulfilmentSettings settings, Subscriptions subscriptions,
                      ExtensionReservations reservations, KnownCustomers knownCustomers) {
        this.customers = new RememberedCustomers(webex.customers(), knownCustomers);
        webex = new Webex(customers, webex.subscribers(), webex.locations(), webex.extensions(), webex.people());
        SubscriptionRecords records = new SubscriptionRecords(webex, subscriptions, settings);
        ExtensionPicker extensions = new ExtensionPicker(webex, reservations, settings);
        Subscribing subscribing = new Subscribing(webex, extensions);
        this.orders = new OrderFulfilment(webex, settings, records, subscribing);
        this.changes = new ChangeFulfilment(webex, settings, records, extensions);
        this.cancels = new CancelFulfilment(webex, settings, records, extensions);
        this.notices = new NoticeFulfilment(webex, settings, records, subscribing, cancels);
        this.users = new UserFulfilment(webex, settings, records, subscribing, extensions);
    }

    /** Whether the company's Webex customer is known to be provisioned, without asking Webex. */
    public boolean knowsCustomerOf(String companyUuid) {
        return customers.remembered(companyUuid).isPresent();
    }

    /** Forgets the company's customer after Webex rejected work for it: the next event looks it up again. */
    public void forgetCustomerOf(String companyUuid) {
        customers.forget(companyUuid);
    }

    public Outcome attempt(MarketplaceEvent event) {
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
            if (event instanceof SubscriptionNoticed notice) {
                return notices.fulfil(notice);
            }
            if (event instanceof UserAssigned assigned) {
                return users.assign(assigned);
            }
            if (event instanceof UserUnassigned unassigned) {
                return users.unassign(unassigned);
            }
            if (event instanceof UserUpdated updated) {
                return users.update(updated);
            }
            UnsupportedEvent unsupported = (UnsupportedEvent) event;
            return new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                    "Event type " + unsupported.type() + " is not supported by this connector");
        } catch (UpstreamException e) {
            return e.toOutcome();
        }
    }
}
