package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.FailureReason;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured marketplace's origin. Every event URL is checked against it before any request, so our
 * credentials only ever travel to the marketplace that issued them.
 */
final class MarketplaceOrigin {

    private static final String EVENTS_PATH = "/api/integration/v1/events/";
    private static final Pattern EVENT_PATH = Pattern.compile(Pattern.quote(EVENTS_PATH) + "(" + Inferred.EVENT_TOKEN_PATTERN + ")");

    private final String scheme;
    private final String host;
    private final int port;
    private final URI uri;

    MarketplaceOrigin(URI baseUrl) {
        this.scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        this.host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        this.port = effectivePort(scheme, baseUrl.getPort());
        boolean defaultPort = port == effectivePort(scheme, -1);
        this.uri = URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    }

    URI uri() {
        return uri;
    }

    /** The event's token, if the URL is exactly {@code {origin}/api/integration/v1/events/{token}}. */
    EventToken tokenOf(EventUrl eventUrl) {
        URI url = eventUrl.uri();
        String urlScheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!urlScheme.equals(scheme) || !host.equalsIgnoreCase(url.getHost()) || effectivePort(urlScheme, url.getPort()) != port
                || url.getRawUserInfo() != null) {
            throw invalid("the event URL is not on the configured marketplace " + uri + ": " + eventUrl);
        }
        Matcher path = EVENT_PATH.matcher(url.getRawPath());
        if (!path.matches() || path.group(1).matches("\\.+") || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw invalid("the event URL is not of the form " + uri + EVENTS_PATH + "{token}: " + eventUrl);
        }
        return eventUrl.token();
    }

    URI eventUri(EventToken token) {
        return URI.create(uri + EVENTS_PATH + token.value());
    }

    URI resultUri(EventToken token) {
        return URI.create(eventUri(token) + "/result");
    }

    private static int effectivePort(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    private static UpstreamException invalid(String message) {
        return new UpstreamException(FailureReason.INVALID_EVENT, message);
    }
}
