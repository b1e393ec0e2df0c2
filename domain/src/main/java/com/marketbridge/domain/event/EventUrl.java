package com.marketbridge.domain.event;

import java.net.URI;
import java.util.Objects;

/**
 * Where the marketplace keeps one event; its last path segment is the event's token. An absolute http or https URI with
 * a host and a path that does not end with {@code /}.
 */
public record EventUrl(URI uri) {

    public EventUrl {
        Objects.requireNonNull(uri, "'uri' must not be null");
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawPath() == null) {
            throw new IllegalArgumentException("an event URL is an absolute http(s) URL with a host and a path");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("an event URL uses http or https, got '" + scheme + "'");
        }
        String path = uri.getRawPath();
        if (path.endsWith("/") || path.lastIndexOf('/') < 0) {
            throw new IllegalArgumentException("an event URL ends with the event token");
        }
    }

    /** Parses the URL the marketplace passed in its notification; throws {@link IllegalArgumentException} if malformed. */
    public static EventUrl parse(String value) {
        Objects.requireNonNull(value, "'value' must not be null");
        try {
            return new EventUrl(URI.create(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed event URL: " + e.getMessage(), e);
        }
    }

    /** The event's token: the URL's last path segment. */
    public EventToken token() {
        String path = uri.getRawPath();
        return new EventToken(path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
