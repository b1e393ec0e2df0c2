package com.marketbridge.application.port.in;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The marketplace's call to the connector, as received: what its authenticity is checked on.
 *
 * @param method     the HTTP method, upper-case
 * @param url        the full URL the marketplace called, as it would have signed it (external scheme and host)
 * @param query      the decoded query parameters
 * @param headers    the request headers; names are compared ignoring case
 * @param undecodableParameters the names (raw, if the name itself could not be decoded) of query parameters whose
 *                   percent-encoding is malformed; they are not in {@code query}. Recorded rather than thrown, so the
 *                   notification is still authenticated first and then answered as an invalid event.
 * Every component is required; the maps and lists are copied, the method upper-cased.
 */
public record InboundNotification(String method, URI url, Map<String, List<String>> query, Map<String, List<String>> headers,
                                  List<String> undecodableParameters) {

    public InboundNotification {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(url, "'url' must not be null");
        query = Map.copyOf(Objects.requireNonNull(query, "'query' must not be null"));
        Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "'headers' must not be null").forEach((k, v) -> caseless.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(caseless);
        method = method.toUpperCase(Locale.ROOT);
        undecodableParameters = List.copyOf(Objects.requireNonNull(undecodableParameters, "'undecodableParameters' must not be null"));
    }

    /** A notification whose query decoded completely. */
    public InboundNotification(String method, URI url, Map<String, List<String>> query, Map<String, List<String>> headers) {
        this(method, url, query, headers, List.of());
    }

    /** The first value of the header, its name compared ignoring case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of the decoded query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
