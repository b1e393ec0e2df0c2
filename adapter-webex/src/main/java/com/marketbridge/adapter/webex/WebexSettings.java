package com.marketbridge.adapter.webex;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How to reach Webex Wholesale: the base URL, exactly one token mode (a static bearer token, or OAuth
 * refresh credentials), timeouts, the bounds of one call and the retry policy. {@code connectTimeout} and
 * {@code readTimeout} bound the connection and the wait for an answer's headers; {@code callDeadline} the whole call,
 * its body included, and {@code maxAnswerBytes} the body: the HTTP client handed to {@link WebexWholesale#connect}
 * enforces those two.
 */
public record WebexSettings(URI baseUrl, String staticToken, String clientId, String clientSecret, String refreshToken,
                            Duration connectTimeout, Duration readTimeout, Duration callDeadline, int maxAnswerBytes,
                            RetryPolicy retry, Clock clock) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://webexapis.com/v1");

    /** The read timeout of 20 s for the headers, and 10 s more for a body that comes slowly. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(30);

    /**
     * A page of 100 customers is about 50 KB, and our lists are filtered to a few items; 512 KB is ten such pages. Decoding
     * an answer takes about 9 times its size on the heap (measured: 1 MB of customers became a 5.5 MB JSON tree and 3 MB
     * of items), so four workers reading the largest answer at once need about 20 MB of the shipped 72 MB heap.
     */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 512 * 1024;
    static final String TOKEN_MODES = "set either WEBEX_TOKEN, or all of WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET"
            + " and WEBEX_REFRESH_TOKEN";

    public WebexSettings {
        Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
        Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
        Objects.requireNonNull(readTimeout, "'readTimeout' must not be null");
        Objects.requireNonNull(callDeadline, "'callDeadline' must not be null");
        Objects.requireNonNull(retry, "'retry' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        if (callDeadline.isNegative() || callDeadline.isZero() || maxAnswerBytes < 1) {
            throw new IllegalArgumentException("'callDeadline' and 'maxAnswerBytes' must be positive");
        }
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
     * Settings with the documented defaults: connect 5 s, read 20 s, a call 30 s and its answer 512 KB at most, the
     * default retry policy and the UTC clock. Give either {@code staticToken} or all three refresh credentials.
     */
    public static WebexSettings of(URI baseUrl, String staticToken, String clientId, String clientSecret, String refreshToken) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, Duration.ofSeconds(5),
                Duration.ofSeconds(20), DEFAULT_CALL_DEADLINE, DEFAULT_MAX_ANSWER_BYTES, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public WebexSettings withRetry(RetryPolicy policy) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, connectTimeout,
                readTimeout, callDeadline, maxAnswerBytes, policy, clock);
    }

    public WebexSettings withClock(Clock newClock) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, connectTimeout,
                readTimeout, callDeadline, maxAnswerBytes, retry, newClock);
    }

    public WebexSettings withBounds(Duration newCallDeadline, int newMaxAnswerBytes) {
        return new WebexSettings(baseUrl, staticToken, clientId, clientSecret, refreshToken, connectTimeout,
                readTimeout, newCallDeadline, newMaxAnswerBytes, retry, clock);
    }

    public boolean refreshing() {
        return staticToken == null;
    }

    @Override
    public String toString() {
        return "WebexSettings[baseUrl=" + baseUrl + ", staticToken=" + mask(staticToken) + ", clientId=" + clientId
                + ", clientSecret=" + mask(clientSecret) + ", refreshToken=" + mask(refreshToken)
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callDeadline=" + callDeadline
                + ", maxAnswerBytes=" + maxAnswerBytes + ", retry=" + retry + ", clock=" + clock + "]";
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
