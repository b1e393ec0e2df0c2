package com.example.connector.adapter.importfile;

import com.example.connector.domain.MovedSubscription;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The driving adapter: moves the subscriptions of an import file into Webex by handing MarketBridge's use case one
 * order event per subscription, as a marketplace would. Running the same file again is safe: each subscription is the
 * same event again, answered from MarketBridge's journal, never done twice.
 */
public final class SubscriptionImporter {

    private final HandleMarketplaceEventUseCase useCase;
    private final ImportedEvents events;

    /** Imports through {@code useCase}, whose marketplace ports (events and credentials) are {@code events}. */
    public SubscriptionImporter(HandleMarketplaceEventUseCase useCase, ImportedEvents events) {
        this.useCase = Objects.requireNonNull(useCase, "'useCase' must not be null");
        this.events = Objects.requireNonNull(events, "'events' must not be null");
    }

    /**
     * Imports the file's subscriptions in its order. Each one's outcome, by reference: completed, failed (the others go
     * on), or in progress, when Webex needs longer (a new customer's organization): its result then goes to the
     * connector's {@code MarketplaceResults}.
     *
     * @throws IllegalArgumentException the file is malformed: nothing was imported
     */
    public Map<String, Outcome> importFrom(Path file) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (MovedSubscription subscription : ImportFile.read(file)) {
            EventUrl url = events.offer(subscription.toOrder());
            outcomes.put(subscription.reference(),
                    useCase.handle(new HandleMarketplaceEventCommand(events.notification(), url.toString())));
        }
        return outcomes;
    }
}
