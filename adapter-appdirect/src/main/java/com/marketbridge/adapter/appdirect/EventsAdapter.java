package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;

/**
 * Fetches an event from the configured marketplace only, and reads it into the domain's event. A fetch AppDirect
 * fails transiently (a 5xx, an I/O error, an answer that is not JSON) is tried again for a moment.
 */
final class EventsAdapter implements MarketplaceEvents {

    private final MarketplaceOrigin origin;
    private final AppDirectIntegrationApi api;
    private final AuthorizedCalls calls;

    EventsAdapter(MarketplaceOrigin origin, AppDirectIntegrationApi api, AuthorizedCalls calls) {
        this.origin = origin;
        this.api = api;
        this.calls = calls;
    }

    @Override
    public MarketplaceEvent fetch(EventUrl url) {
        EventToken token = origin.tokenOf(url);
        return WhileUnavailable.retry("hand over event " + token, Inferred.EVENT_FETCH_RETRIES, () -> EventMapper.toEvent(
                calls.call("GET", origin.eventUri(token), authorization -> api.event(token.value(), authorization)), token));
    }
}
