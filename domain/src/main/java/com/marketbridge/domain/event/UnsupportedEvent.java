package com.marketbridge.domain.event;

import java.util.Objects;

/** An event of a type this connector does not handle (e.g. legacy add-on events): answered, never crashed on. */
public record UnsupportedEvent(EventToken token, EventFlag flag, String type) implements MarketplaceEvent {

    public UnsupportedEvent {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
    }
}
