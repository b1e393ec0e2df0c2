package com.marketbridge.application.service;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.util.Objects;

/**
 * Verifies the notification, fetches its event and fulfils it: order, change and cancel provision Webex;
 * stateless pings change nothing; every other type is answered as not supported.
 */
public final class HandleMarketplaceEventService implements HandleMarketplaceEventUseCase {

    private final MarketplaceCredentials credentials;
    private final MarketplaceEvents events;
    private final OrderFulfilment orders;
    private final ChangeFulfilment changes;
    private final CancelFulfilment cancels;

    public HandleMarketplaceEventService(MarketplaceCredentials credentials, MarketplaceEvents events,
                                         Webex webex, FulfilmentSettings settings) {
        this.credentials = Objects.requireNonNull(credentials, "'credentials' must not be null");
        this.events = Objects.requireNonNull(events, "'events' must not be null");
        this.orders = new OrderFulfilment(webex, settings);
        this.changes = new ChangeFulfilment(webex, settings);
        this.cancels = new CancelFulfilment(webex, settings);
    }

    @Override
    public Outcome handle(HandleMarketplaceEventCommand command) {
        long started = System.nanoTime();
        MarketplaceCredentials.Verification verification = credentials.verify(command.notification());
        if (!verification.verified()) {
            return new Outcome.Failed(FailureReason.UNAUTHORIZED, "The notification is not authenticated: " + verification.reason());
        }
        if (command.eventUrl() == null || command.eventUrl().isBlank()) {
            return EventLog.record(null, null,
                    new Outcome.Failed(FailureReason.INVALID_EVENT, "The notification has no eventUrl parameter"), started);
        }
        EventUrl eventUrl;
        try {
            eventUrl = EventUrl.parse(command.eventUrl());
        } catch (IllegalArgumentException e) {
            return EventLog.record(null, null, new Outcome.Failed(FailureReason.INVALID_EVENT,
                    "The eventUrl is not a valid event URL: " + e.getMessage()), started);
        }
        MarketplaceEvent event;
        try {
            event = events.fetch(eventUrl);
        } catch (UpstreamException e) {
            return EventLog.record(eventUrl.token(), null, e.toOutcome(), started);
        }
        EventLog.compareHint(command.notification().queryParameter("eventType"), event);
        Outcome outcome;
        try {
            outcome = fulfil(event);
        } catch (UpstreamException e) {
            outcome = e.toOutcome();
        }
        return EventLog.record(event.token(), event, outcome, started);
    }

    private Outcome fulfil(MarketplaceEvent event) {
        if (event.flag().changesNothing()) {
            return new Outcome.Completed(null, "Stateless " + event.type() + " event received; nothing was changed.");
        }
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
    }
}
