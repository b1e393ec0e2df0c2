package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.outcome.FailureReason;
import java.util.HashMap;
import java.util.Map;

/**
 * The marketplace's events by URL; records {@code "events.fetch <url>"}. An unpublished URL is
 * {@code EVENT_NOT_FOUND}, as the marketplace answers a 404.
 */
public final class FakeMarketplaceEvents implements MarketplaceEvents {

    private final CallLog log;
    private final Map<String, MarketplaceEvent> events = new HashMap<>();

    public FakeMarketplaceEvents(CallLog log) {
        this.log = log;
    }

    public synchronized FakeMarketplaceEvents publish(String url, MarketplaceEvent event) {
        events.put(EventUrl.parse(url).toString(), event);
        return this;
    }

    @Override
    public MarketplaceEvent fetch(EventUrl url) {
        log.record("events.fetch", url); // outside the lock: a held fetch must not hold up the others
        MarketplaceEvent event;
        synchronized (this) {
            event = events.get(url.toString());
        }
        if (event == null) {
            throw new UpstreamException(FailureReason.EVENT_NOT_FOUND, "The marketplace has no event at " + url);
        }
        return event;
    }
}
