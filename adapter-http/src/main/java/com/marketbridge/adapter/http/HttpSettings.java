package com.marketbridge.adapter.http;

import com.marketbridge.domain.credential.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the webhook listens: host and port (0 picks a free one), the largest request it reads, the
 * public base URL the marketplace calls when a proxy terminates TLS in front of the connector (OAuth 1.0a
 * signatures cover the URL the marketplace saw, not the one the connector sees), and the bearer token a scraper of
 * {@code /metrics} must send (null: none needed).
 */
public record HttpSettings(String host, int port, long maxRequestBytes, URI publicBaseUrl, Secret metricsToken) {

    public static final int DEFAULT_PORT = 5002;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "'host' must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be between 0 and 65535, got " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("'maxRequestBytes' must be positive");
        }
    }

    /**
     * With the default cap on a request and {@code /metrics} open; {@code publicBaseUrl} is null when AppDirect calls the
     * connector directly.
     */
    public static HttpSettings of(String host, int port, URI publicBaseUrl) {
        return new HttpSettings(host, port, DEFAULT_MAX_REQUEST_BYTES, publicBaseUrl, null);
    }

    /** The same, with {@code /metrics} for those who send {@code token} (open if null). */
    public HttpSettings withMetricsToken(Secret token) {
        return new HttpSettings(host, port, maxRequestBytes, publicBaseUrl, token);
    }

    public Optional<URI> optionalPublicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    public Optional<Secret> optionalMetricsToken() {
        return Optional.ofNullable(metricsToken);
    }
}
