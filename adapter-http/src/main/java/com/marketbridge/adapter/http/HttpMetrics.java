package com.marketbridge.adapter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server tells for monitoring: {@code scrape} gives the text {@code /metrics} serves (Prometheus's text format,
 * version 0.0.4), and {@code served} hears of every request the server answered.
 */
public record HttpMetrics(Supplier<String> scrape, ServedRequests served) {

    public HttpMetrics {
        Objects.requireNonNull(scrape, "'scrape' must not be null");
        Objects.requireNonNull(served, "'served' must not be null");
    }

    /** Hears of each request answered: its method, its route's template (never the raw path) or {@code NOT_FOUND}. */
    @FunctionalInterface
    public interface ServedRequests {
        void served(String method, String route, int status, Duration took);
    }
}
