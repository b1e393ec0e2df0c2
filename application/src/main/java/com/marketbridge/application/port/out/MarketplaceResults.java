package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;

/** Reports the final outcome of an event the connector answered asynchronously. */
public interface MarketplaceResults {

    /**
     * Delivers the outcome, retrying transient failures for at most {@code budget}.
     *
     * @throws UpstreamException {@code UPSTREAM_UNAVAILABLE} when the budget ran out, {@code UPSTREAM_REJECTED} when refused
     */
    void report(EventUrl event, Outcome outcome, Duration budget);
}
