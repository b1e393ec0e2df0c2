package com.example.connector.adapter.importfile;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.outcome.FailureReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import as MarketBridge's marketplace: the events it offers, fetched by URL, and the notifications it sends,
 * which carry a key only this process knows, so no other caller of the use case passes as the import.
 */
public final class ImportedEvents implements MarketplaceEvents, MarketplaceCredentials {

    static final String KEY_HEADER = "X-Import-Key";
    private static final String BASE = "https://import.example.com/events/";

    private final Map<EventUrl, MarketplaceEvent> events = new ConcurrentHashMap<>();
    private final String key = UUID.randomUUID().toString();

    /** Offers the event to be fetched; the URL it is fetched at. */
    EventUrl offer(MarketplaceEvent event) {
        EventUrl url = EventUrl.parse(BASE + event.token().value());
        events.put(url, event);
        return url;
    }

    /** A notification of the import, as the use case is handed it. */
    InboundNotification notification() {
        return new InboundNotification("POST", URI.create("https://import.example.com/notifications"), Map.of(),
                Map.of(KEY_HEADER, List.of(key)));
    }

    @Override
    public Verification verify(InboundNotification notification) {
        byte[] sent = notification.header(KEY_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, key.getBytes(StandardCharsets.UTF_8))
                ? Verification.accepted() : Verification.rejected("not a notification of this import");
    }

    /**
     * The event offered at the URL.
     *
     * @throws UpstreamException {@code EVENT_NOT_FOUND} for a URL this import did not offer
     */
    @Override
    public MarketplaceEvent fetch(EventUrl url) {
        MarketplaceEvent event = events.get(url);
        if (event == null) {
            throw new UpstreamException(FailureReason.EVENT_NOT_FOUND, "The import offers no event at " + url);
        }
        return event;
    }
}
