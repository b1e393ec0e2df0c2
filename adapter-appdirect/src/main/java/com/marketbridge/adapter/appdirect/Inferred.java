package com.marketbridge.adapter.appdirect;

import java.time.Duration;

/**
 * Every choice this adapter makes where the AppDirect contract is silent (marked [I] there), in one place so
 * it is easy to correct when AppDirect says otherwise.
 */
final class Inferred {

    /** Renew the OAuth 2.0 token this long before AppDirect says it expires, so no call carries a dying token. */
    static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofSeconds(60);

    /** Lifetime assumed when the token answer has no {@code expires_in}: short, so a wrong guess costs little. */
    static final Duration TOKEN_LIFETIME_WHEN_UNSTATED = Duration.ofMinutes(5);

    /**
     * How far an OAuth 1.0a timestamp may be from our clock, and how long nonces are remembered. Far stricter
     * than the SDK's 12 h, which stores no nonces at all.
     */
    static final Duration SIGNATURE_WINDOW = Duration.ofMinutes(5);

    /** At most this many nonces are remembered; beyond it notifications are refused rather than replayable. */
    static final int NONCE_CAPACITY = 100_000;

    /** First pause before calling AppDirect again; it doubles after each transient failure up to the maximum. */
    static final Duration RETRY_FIRST_BACKOFF = Duration.ofMillis(200);

    static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * How long an event fetch is tried again after transient failures: three attempts or so. AppDirect waits 5 s for
     * the notification's answer, and the event's work needs most of them ({@code RESPONSE_BUDGET_MS}).
     */
    static final Duration EVENT_FETCH_RETRIES = Duration.ofMillis(500);

    /**
     * Event tokens are UUIDs (and the SDK's {@code dummyOrder}); accepting only RFC 3986 unreserved characters
     * keeps the token one literal path segment that needs no encoding.
     */
    static final String EVENT_TOKEN_PATTERN = "[A-Za-z0-9._~-]+";

    private Inferred() {
    }
}
