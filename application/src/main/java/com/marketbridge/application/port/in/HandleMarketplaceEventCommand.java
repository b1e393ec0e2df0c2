package com.marketbridge.application.port.in;

import java.util.Objects;

/**
 * Handle the event behind {@code eventUrl}, announced by {@code notification}. The URL is kept as sent:
 * it is only read once the notification is verified, and a malformed or missing one (null) is an answer, not an
 * exception. The notification is required.
 */
public record HandleMarketplaceEventCommand(InboundNotification notification, String eventUrl) {

    public HandleMarketplaceEventCommand {
        Objects.requireNonNull(notification, "'notification' must not be null");
    }
}
