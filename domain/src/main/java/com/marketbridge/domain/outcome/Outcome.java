package com.marketbridge.domain.outcome;

import java.util.Objects;
import java.util.Optional;

/** The result of handling one marketplace event: completed, failed for a reason, or still in progress. */
public sealed interface Outcome {

    /** What happened, in a sentence fit for the buyer and the log; never a secret. */
    String message();

    /** Done; the marketplace keeps {@code accountIdentifier} (null for events that create no account). */
    record Completed(String accountIdentifier, String message) implements Outcome {
        public Completed {
            Objects.requireNonNull(message, "'message' must not be null");
        }
    }

    /**
     * Not done and will not be by trying the same again unchanged; {@code trackingId} is Webex's, or null, and
     * {@code upstreamStatus} the HTTP status of the upstream answer the failure came from, or null.
     */
    record Failed(FailureReason reason, String message, String trackingId, Integer upstreamStatus) implements Outcome {
        public Failed {
            Objects.requireNonNull(reason, "'reason' must not be null");
            Objects.requireNonNull(message, "'message' must not be null");
        }

        /** A failure that did not come from an upstream's answer, or whose status is not known. */
        public Failed(FailureReason reason, String message, String trackingId) {
            this(reason, message, trackingId, null);
        }

        /** A failure without an upstream tracking id. */
        public Failed(FailureReason reason, String message) {
            this(reason, message, null, null);
        }

        /** Webex's tracking id of the failed call, if it gave one. */
        public Optional<String> optionalTrackingId() {
            return Optional.ofNullable(trackingId);
        }
    }

    /** Started, not finished: handling the same event again later continues where this stopped. */
    record InProgress(String message) implements Outcome {
        public InProgress {
            Objects.requireNonNull(message, "'message' must not be null");
        }
    }
}
