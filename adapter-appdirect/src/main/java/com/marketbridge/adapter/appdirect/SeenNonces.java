package com.marketbridge.adapter.appdirect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The OAuth 1.0a nonces seen within the signature window, bounded. A nonce is forgotten once its timestamp has
 * left the window: a replay of it would then fail the timestamp check anyway.
 */
final class SeenNonces {

    private final Duration window;
    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();

    SeenNonces(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /** Remembers the nonce; false if it was seen already, or if the store is full (refusing beats replaying). */
    synchronized boolean firstSighting(String nonce, Instant timestamp, Instant now) {
        Instant oldest = now.minus(window);
        seen.values().removeIf(t -> t.isBefore(oldest));
        if (seen.containsKey(nonce) || seen.size() >= capacity) {
            return false;
        }
        seen.put(nonce, timestamp);
        return true;
    }
}
