package com.marketbridge.application.port.out;

import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What a driven adapter throws when its upstream failed the call: a reason from the closed set, a message
 * fit for the buyer and the log (never a secret), the upstream's tracking id when it gave one, and the HTTP status of
 * the upstream's answer when the failure came from one.
 */
public final class UpstreamException extends RuntimeException {

    private final FailureReason reason;
    private final String trackingId;
    private final Integer upstreamStatus;

    /**
     * A failure for {@code reason}; {@code trackingId} is the upstream's, or null; {@code upstreamStatus} the HTTP status
     * of the upstream's answer it came from, or null. Reason and message are required.
     */
    public UpstreamException(FailureReason reason, String message, String trackingId, Integer upstreamStatus) {
        super(Objects.requireNonNull(message, "'message' must not be null"));
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
        this.trackingId = trackingId;
        this.upstreamStatus = upstreamStatus;
    }

    public UpstreamException(FailureReason reason, String message, String trackingId) {
        this(reason, message, trackingId, null);
    }

    /** A failure without an upstream tracking id. */
    public UpstreamException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    /** Why the call failed. */
    public FailureReason reason() {
        return reason;
    }

    /** The upstream's tracking id of the failed call, if it gave one. */
    public Optional<String> trackingId() {
        return Optional.ofNullable(trackingId);
    }

    public Optional<Integer> upstreamStatus() {
        return Optional.ofNullable(upstreamStatus);
    }

    /** The event's failure, as the marketplace is told it. */
    public Outcome.Failed toOutcome() {
        return new Outcome.Failed(reason, getMessage(), trackingId, upstreamStatus);
    }
}
