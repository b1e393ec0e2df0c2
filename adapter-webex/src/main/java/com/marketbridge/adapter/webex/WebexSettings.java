package com.marketbridge.adapter.webex;

import com.marketbridge.domain.credential.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Webex Wholesale: the base URL, one of two token modes ({@link #staticToken} or {@link #refreshing}),
 * timeouts, the bounds of one call and the retry policy. {@code connectTimeout} and {@code readTimeout} bound the
 * connection and the wait for an answer's headers; {@code callDeadline} the whole call, its body included, and
 * {@code maxAnswerBytes} the body: the HTTP client handed to {@link WebexWholesale#connect} enforces those two.
 * Secrets print as {@code ****}.
 */
public record WebexSettings(URI baseUrl, Credentials credentials, Duration connectTimeout, Duration readTimeout,
                            Duration callDeadline, int maxAnswerBytes, RetryPolicy retry, Clock clock) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://webexapis.com/v1");

    /** The read timeout of 20 s for the headers, and 10 s more for a body that comes slowly. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(30);

    /**
     * A page of 100 customers is about 50 KB, and our lists are filtered to a few items; 512 KB is ten such pages. Decoding
     * an answer takes about 9 times its size on the heap (measured: 1 MB of customers became a 5.5 MB JSON tree and 3 MB
     * of items), so four workers reading the largest answer at once need about 20 MB of the shipped 72 MB heap.
     */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 512 * 1024;

    public WebexSettings {
        Objects.requireNonNull(baseUrl, "'baseUrl' must not be null");
        Objects.requireNonNull(credentials, "'credentials' must not be null");
        Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
        Objects.requireNonNull(readTimeout, "'readTimeout' must not be null");
        Objects.requireNonNull(callDeadline, "'callDeadline' must not be null");
        Objects.requireNonNull(retry, "'retry' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        if (callDeadline.isNegative() || callDeadline.isZero() || maxAnswerBytes < 1) {
            throw new IllegalArgumentException("'callDeadline' and 'maxAnswerBytes' must be positive");
        }
    }

    /**
     * A static bearer token ({@code WEBEX_TOKEN}), with the documented defaults: connect 5 s, read 20 s, a call 30 s and
     * its answer 512 KB at most, the default retry policy and the UTC clock.
     */
    public static WebexSettings staticToken(URI baseUrl, Secret token) {
        return withDefaults(baseUrl, new StaticToken(token));
    }

    /** An integration's refresh credentials, whose access tokens are renewed before they expire; the same defaults. */
    public static WebexSettings refreshing(URI baseUrl, String clientId, Secret clientSecret, Secret refreshToken) {
        return withDefaults(baseUrl, new RefreshCredentials(clientId, clientSecret, refreshToken));
    }

    private static WebexSettings withDefaults(URI baseUrl, Credentials credentials) {
        return new WebexSettings(baseUrl, credentials, Duration.ofSeconds(5), Duration.ofSeconds(20), DEFAULT_CALL_DEADLINE,
                DEFAULT_MAX_ANSWER_BYTES, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public WebexSettings withRetry(RetryPolicy policy) {
        return new WebexSettings(baseUrl, credentials, connectTimeout, readTimeout, callDeadline, maxAnswerBytes, policy, clock);
    }

    public WebexSettings withClock(Clock newClock) {
        return new WebexSettings(baseUrl, credentials, connectTimeout, readTimeout, callDeadline, maxAnswerBytes, retry,
                newClock);
    }

    public WebexSettings withBounds(Duration newCallDeadline, int newMaxAnswerBytes) {
        return new WebexSettings(baseUrl, credentials, connectTimeout, readTimeout, newCallDeadline, newMaxAnswerBytes,
                retry, clock);
    }

    /** Where the bearer token of each call comes from: {@link StaticToken} or {@link RefreshCredentials}. */
    public sealed interface Credentials permits StaticToken, RefreshCredentials {
    }

    /** A bearer token with the wholesale scopes ({@code WEBEX_TOKEN}). */
    public record StaticToken(Secret token) implements Credentials {

        public StaticToken {
            if (token == null) {
                throw new IllegalArgumentException("set WEBEX_TOKEN");
            }
        }
    }

    /** An integration's {@code WEBEX_CLIENT_ID}, {@code WEBEX_CLIENT_SECRET} and {@code WEBEX_REFRESH_TOKEN}. */
    public record RefreshCredentials(String clientId, Secret clientSecret, Secret refreshToken) implements Credentials {

        public RefreshCredentials {
            if (clientId == null || clientId.isBlank() || clientSecret == null || refreshToken == null) {
                throw new IllegalArgumentException("set all of WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN");
            }
        }
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
