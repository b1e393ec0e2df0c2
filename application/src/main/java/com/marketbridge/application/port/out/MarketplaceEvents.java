package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;

/** The marketplace's events, fetched by URL. */
public interface MarketplaceEvents {

    /**
     * Fetches and reads the event.
     *
     * @throws UpstreamException {@code INVALID_EVENT} for a URL off the marketplace or an unreadable event,
     *                           {@code EVENT_NOT_FOUND}, {@code UPSTREAM_UNAVAILABLE}
     */
    MarketplaceEvent fetch(EventUrl url);
}
