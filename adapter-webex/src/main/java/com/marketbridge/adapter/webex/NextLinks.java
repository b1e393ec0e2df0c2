package com.marketbridge.adapter.webex;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.net.URI;
import java.util.Locale;

/**
 * Which {@code rel="next"} links a Webex listing may follow: only those on {@code WEBEX_BASE_URL}'s origin and
 * under its path, because every request carries our bearer token, and only {@code maxPages} of them in one listing,
 * which reads no more than {@code maxItems} items.
 */
final class NextLinks {

    private final String scheme;
    private final String host;
    private final int port;
    private final String basePath;
    private final URI origin;
    private final int maxPages;
    private final int maxItems;

    NextLinks(URI baseUrl, int maxPages, int maxItems) {
        if (maxPages < 1 || maxItems < 1) {
            throw new IllegalArgumentException("'maxPages' and 'maxItems' must be at least 1");
        }
        this.scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        this.host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        this.port = effectivePort(scheme, baseUrl.getPort());
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.origin = baseUrl;
        this.maxPages = maxPages;
        this.maxItems = maxItems;
    }

    /** The policy for {@code WEBEX_BASE_URL} with the page and item bounds of {@link WebexAssumptions}. */
    static NextLinks of(URI baseUrl) {
        return new NextLinks(baseUrl, WebexAssumptions.MAX_PAGES_PER_LISTING, WebexAssumptions.MAX_ITEMS_PER_LISTING);
    }

    int maxPages() {
        return maxPages;
    }

    int maxItems() {
        return maxItems;
    }

    /** The link itself when it may be followed; otherwise an exception naming where it points (never a token). */
    URI checked(URI next, String action) {
        String nextScheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        boolean sameOrigin = nextScheme.equals(scheme) && host.equalsIgnoreCase(next.getHost())
                && effectivePort(nextScheme, next.getPort()) == port && next.getRawUserInfo() == null;
        if (!sameOrigin || !underBasePath(next.getPath())) {
            throw refused("Webex's next page to " + action + " is at " + nextScheme + "://" + next.getHost()
                    + (next.getPort() < 0 ? "" : ":" + next.getPort()) + shown(next.getPath())
                    + ", outside WEBEX_BASE_URL " + origin + "; not followed");
        }
        return next;
    }

    static UpstreamException refused(String message) {
        return new UpstreamException(FailureReason.UPSTREAM_REJECTED, message);
    }

    private boolean underBasePath(String path) {
        if (path == null || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            return false;
        }
        // the decoded path, so that an encoded "%2e%2e" cannot climb out of the base path either
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String shown(String path) {
        return path == null ? "" : path;
    }

    private static int effectivePort(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
