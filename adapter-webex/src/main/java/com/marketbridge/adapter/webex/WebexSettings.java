package com.marketbridge.adapter.webex;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How to reach Webex Wholesale: the base URL, exactly one token mode (a static bearer token, or OAuth
 * refresh credentials), timeouts and the retry policy.
 */
public record WebexSettings(URI baseUrl, String staticToken, String clientId, String clientSecret, String refreshToken,
                            Duration connectTimeout, Duration readTimeout, RetryPolicy retry, Clock clock) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://webexapis.com/v1");
    static final String TOKEN_MODES = "set either WEBEX_TOKEN, or all of WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET"
            + " and WEBEX_REFRESH_TOKEN";

    public WebexSettings {
        Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
        Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
        Objects.requireNonNull(readTimeout, "'readTimeout' must not be null");
        Objects.requireNonNull(retry, "'retry' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        staticToken = blankToNull(staticToken);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        refreshToken = blankToNull(refreshToken);
        long refreshParts = Stream.of(clientId, clientSecret, refreshToken).filter(Objects::nonNull).count();
        boolean onlyStatic = staticToken != null && refreshParts == 0;
        boolean onlyRefresh = staticToken == null && refreshParts == 3;
        if (!onlyStatic && !onlyRefresh) {
            throw new IllegalArgumentException("Webex credentials: " + TOKEN_MODES + ", not a mix");
        }
    }

    /**
     * Settings with the documented defaults: connect 5 s, read 20 s, the default retry
     * policy and the UTC clock. Give either {@code staticToken} or all three refresh credentials.
     */
    public static WebexSettings of(URI baseUrl, String staticToken, String clientId, String clientSecret, String refreshToken) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, Duration.ofSeconds(5),
                Duration.ofSeconds(20), RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public WebexSettings withRetry(RetryPolicy policy) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, connectTimeout,
                readTimeout, policy, clock);
    }

    public WebexSettings withClock(Clock newClock) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, connectTimeout,
                readTimeout, retry, newClock);
    }

    public boolean refreshing() {
        return staticToken == null;
    }

    @Override
    public String toString() {
        return "WebexSettings[baseUrl=" + baseUrl + ", staticToken=" + mask(staticToken) + ", clientId=" + clientId
                + ", clientSecret=" + mask(clientSecret) + ", refreshToken=" + mask(refreshToken)
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retry=" + retry + ", clock=" + clock + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "<unset>" : "****";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * How often and how long to retry: {@code maxAttempts} per call (first try included), the longest
     * {@code Retry-After} honoured, and the first back-off after a 5xx or I/O error (doubling, with jitter).
     */
    public record RetryPolicy(int maxAttempts, Duration maxRetryAfter, Duration baseBackoff) {

        public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(200));

        public RetryPolicy {
            Objects.requireNonNull(maxRetryAfter, "'maxRetryAfter' must not be null");
            Objects.requireNonNull(baseBackoff, "'baseBackoff' must not be null");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("'maxAttempts' must be at least 1");
            }
            if (maxRetryAfter.isNegative() || baseBackoff.isNegative()) {
                throw new IllegalArgumentException("retry waits must not be negative");
            }
        }
    }
}
