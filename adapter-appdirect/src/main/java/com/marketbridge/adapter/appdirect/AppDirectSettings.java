package com.marketbridge.adapter.appdirect;

import com.marketbridge.domain.credential.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one AppDirect marketplace and how it and the connector authenticate to each other, in one of two modes:
 * {@link #basic} or {@link #oauth1}. Both give the defaults: timeouts of 5 s (connect) and 10 s (read, the wait for an
 * answer's headers), the whole of one call with its body 15 s ({@code callDeadline}) and its body 256 KB
 * ({@code maxAnswerBytes}; the HTTP client handed to {@link AppDirect#connect} enforces those two), the clock UTC
 * system time. Secrets print as {@code ****}.
 */
public record AppDirectSettings(
        URI marketplaceBaseUrl,
        Authentication authentication,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callDeadline,
        int maxAnswerBytes,
        Clock clock) {

    /** The read timeout of 10 s for the headers, and 5 s more for a body that comes slowly. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(15);

    /**
     * An event is a few KB (the contract's examples in the tests are 1 to 1.4 KB), the answer to a result less; 256 KB
     * leaves room for a large order and stops a runaway answer long before the heap feels it.
     */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 256 * 1024;

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public AppDirectSettings {
        Objects.requireNonNull(marketplaceBaseUrl, "'marketplaceBaseUrl' must not be null");
        String scheme = String.valueOf(marketplaceBaseUrl.getScheme()).toLowerCase(Locale.ROOT);
        String path = marketplaceBaseUrl.getRawPath();
        if (!(scheme.equals("https") || scheme.equals("http")) || marketplaceBaseUrl.getHost() == null
                || (path != null && !path.isEmpty() && !path.equals("/"))
                || marketplaceBaseUrl.getRawQuery() != null || marketplaceBaseUrl.getRawUserInfo() != null) {
            // the value is not echoed: user info in it may hold a password
            throw new IllegalArgumentException(
                    "'marketplaceBaseUrl' must be an http(s) origin such as https://acme.example.com, without path, query or user info");
        }
        Objects.requireNonNull(authentication, "'authentication' must not be null");
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(callDeadline, "callDeadline");
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("'maxAnswerBytes' must be positive, got " + maxAnswerBytes);
        }
        Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * AppDirect sends notifications with HTTP Basic, and the connector's own calls carry OAuth 2.0 tokens of the
     * product's client credentials.
     */
    public static AppDirectSettings basic(URI marketplaceBaseUrl, String oauthClientId, Secret oauthClientSecret,
                                          String basicUsername, Secret basicPassword) {
        return withDefaults(marketplaceBaseUrl, new Basic(oauthClientId, oauthClientSecret, basicUsername, basicPassword));
    }

    /** Legacy shared-credential products: notifications and the connector's own calls are all signed with OAuth 1.0a. */
    public static AppDirectSettings oauth1(URI marketplaceBaseUrl, String consumerKey, Secret consumerSecret) {
        return withDefaults(marketplaceBaseUrl, new OAuth1(consumerKey, consumerSecret));
    }

    private static AppDirectSettings withDefaults(URI marketplaceBaseUrl, Authentication authentication) {
        return new AppDirectSettings(marketplaceBaseUrl, authentication, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_CALL_DEADLINE, DEFAULT_MAX_ANSWER_BYTES, Clock.systemUTC());
    }

    public AppDirectSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new AppDirectSettings(marketplaceBaseUrl, authentication, newConnectTimeout, newReadTimeout, callDeadline,
                maxAnswerBytes, clock);
    }

    public AppDirectSettings withCallDeadline(Duration newCallDeadline) {
        return new AppDirectSettings(marketplaceBaseUrl, authentication, connectTimeout, readTimeout, newCallDeadline,
                maxAnswerBytes, clock);
    }

    public AppDirectSettings withClock(Clock newClock) {
        return new AppDirectSettings(marketplaceBaseUrl, authentication, connectTimeout, readTimeout, callDeadline,
                maxAnswerBytes, newClock);
    }

    /** How AppDirect and the connector authenticate to each other: {@link Basic} or {@link OAuth1}. */
    public sealed interface Authentication permits Basic, OAuth1 {
    }

    /**
     * HTTP Basic on notifications ({@code BASIC_USERNAME}/{@code BASIC_PASSWORD}); AppDirect still expects OAuth 2.0
     * on the connector's own calls then ({@code OAUTH_CLIENT_ID}/{@code OAUTH_CLIENT_SECRET}, contract §1.3(b)).
     */
    public record Basic(String oauthClientId, Secret oauthClientSecret, String username, Secret password)
            implements Authentication {

        public Basic {
            requirePair(username, password, "BASIC_USERNAME/BASIC_PASSWORD");
            requirePair(oauthClientId, oauthClientSecret,
                    "OAUTH_CLIENT_ID/OAUTH_CLIENT_SECRET (needed with BASIC_USERNAME/BASIC_PASSWORD)");
        }
    }

    /** 2-legged OAuth 1.0a both ways ({@code OAUTH1_CONSUMER_KEY}/{@code OAUTH1_CONSUMER_SECRET}). */
    public record OAuth1(String consumerKey, Secret consumerSecret) implements Authentication {

        public OAuth1 {
            requirePair(consumerKey, consumerSecret, "OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET");
        }
    }

    private static void requirePair(String name, Secret secret, String names) {
        if (name == null || name.isBlank() || secret == null) {
            throw new IllegalArgumentException("set both of " + names);
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, "'" + name + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + name + "' must be positive, got " + value);
        }
    }
}
