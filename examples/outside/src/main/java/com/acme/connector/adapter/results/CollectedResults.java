package com.acme.connector.adapter.results;

import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Acme's driven adapter: the results of events answered "in progress", kept for Acme's back office to read. */
public final class CollectedResults implements MarketplaceResults {

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void report(EventUrl event, Outcome outcome, Duration budget) {
        outcomes.add(outcome);
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
