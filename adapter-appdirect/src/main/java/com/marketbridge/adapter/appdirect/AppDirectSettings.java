package com.marketbridge.adapter.appdirect;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one AppDirect marketplace and how it authenticates its notifications to us: exactly one of
 * HTTP Basic ({@code basicUsername}/{@code basicPassword}) or legacy OAuth 1.0a ({@code oauth1ConsumerKey}/
 * {@code oauth1ConsumerSecret}). In Basic mode our own calls use the OAuth 2.0 client credentials; in OAuth 1.0a
 * mode they are signed with the consumer key too. Timeouts default to 5 s (connect) and 10 s (read, the wait for an
 * answer's headers), the whole of one call with its body to 15 s ({@code callDeadline}) and its body to 256 KB
 * ({@code maxAnswerBytes}; the HTTP client handed to {@link AppDirect#connect} enforces those two), the clock to UTC
 * system time.
 */
public record AppDirectSettings(
        URI marketplaceBaseUrl,
        String oauthClientId,
        String oauthClientSecret,
        String basicUsername,
        String basicPassword,
        String oauth1ConsumerKey,
        String oauth1ConsumerSecret,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callDeadline,
        Integer maxAnswerBytes,
        Clock clock) {

    /** The read timeout of 10 s for the headers, and 5 s more for a body that comes slowly. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(15);

    /**
     * An event is a few KB (the contract's examples in the tests are 1 to 1.4 KB), the answer to a result less; 256 KB
     * leaves room for a large order and stops a runaway answer long before the heap feels it.
     */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 256 * 1024;

    private static final String BASIC = "BASIC_USERNAME/BASIC_PASSWORD";
    private static final String OAUTH1 = "OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET";
    private static final String OAUTH2 = "OAUTH_CLIENT_ID/OAUTH_CLIENT_SECRET";

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
        connectTimeout = positive(connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout, "connectTimeout");
        readTimeout = positive(readTimeout == null ? Duration.ofSeconds(10) : readTimeout, "readTimeout");
        callDeadline = positive(callDeadline == null ? DEFAULT_CALL_DEADLINE : callDeadline, "callDeadline");
        maxAnswerBytes = maxAnswerBytes == null ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("'maxAnswerBytes' must be positive, got " + maxAnswerBytes);
        }
        clock = clock == null ? Clock.systemUTC() : clock;

        boolean basic = present(basicUsername) || present(basicPassword);
        boolean oauth1 = present(oauth1ConsumerKey) || present(oauth1ConsumerSecret);
        if (basic && oauth1) {
            throw new IllegalArgumentException("set either " + BASIC + " or " + OAUTH1 + " for inbound notifications, not both");
        }
        if (!basic && !oauth1) {
            throw new IllegalArgumentException("set either " + BASIC + " or " + OAUTH1 + " for inbound notifications");
        }
        if (basic) {
            requirePair(basicUsername, basicPassword, BASIC);
            // AppDirect still expects OAuth 2.0 on our own calls when it sends Basic notifications (contract §1.3(b))
            requirePair(oauthClientId, oauthClientSecret, OAUTH2 + " (needed with " + BASIC + ")");
        } else {
            requirePair(oauth1ConsumerKey, oauth1ConsumerSecret, OAUTH1);
        }
    }

    /** Whether notifications, the event fetch and the result POST all use 2-legged OAuth 1.0a. */
    boolean legacyOAuth1() {
        return present(oauth1ConsumerKey);
    }

    @Override
    public String toString() {
        return "AppDirectSettings[marketplaceBaseUrl=" + marketplaceBaseUrl
                + ", oauthClientId=" + oauthClientId + ", oauthClientSecret=" + mask(oauthClientSecret)
                + ", basicUsername=" + basicUsername + ", basicPassword=" + mask(basicPassword)
                + ", oauth1ConsumerKey=" + oauth1ConsumerKey + ", oauth1ConsumerSecret=" + mask(oauth1ConsumerSecret)
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callDeadline=" + callDeadline
                + ", maxAnswerBytes=" + maxAnswerBytes + ", clock=" + clock + "]";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void requirePair(String first, String second, String names) {
        if (!present(first) || !present(second)) {
            throw new IllegalArgumentException("set both of " + names);
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + name + "' must be positive, got " + value);
        }
        return value;
    }

    private static String mask(String secret) {
        return secret == null ? null : "****";
    }
}
