package com.marketbridge.adapter.webex;

import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer from Webex, read from its error envelope. It stays inside this adapter: {@link WebexCalls}
 * retries it or turns it into an {@code UpstreamException}.
 */
final class WebexFailure extends RuntimeException {

    private final int status;
    private final Integer errorCode;
    private final String trackingId;
    private final Duration retryAfter;

    WebexFailure(int status, String description, Integer errorCode, String trackingId, Duration retryAfter) {
        super(description);
        this.status = status;
        this.errorCode = errorCode;
        this.trackingId = trackingId;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String description() {
        return getMessage();
    }

    Optional<Integer> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    String trackingId() {
        return trackingId;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Rate limited (429) or the resource is locked for a moment (423): wait as told, then retry. */
    boolean asksToWait() {
        return status == 429 || status == 423;
    }

    boolean serverSide() {
        return status >= 500;
    }
}
