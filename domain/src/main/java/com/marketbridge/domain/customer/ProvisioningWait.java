package com.marketbridge.domain.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bounded wait for a Webex customer to become usable: it decides, from the status seen and the clock,
 * whether to go on, wait again, or stop. Nothing ever waits without a deadline.
 */
public record ProvisioningWait(Instant deadline) {

    public ProvisioningWait {
        Objects.requireNonNull(deadline, "'deadline' must not be null");
    }

    /**
     * A wait of at most {@code limit} from {@code now}.
     *
     * @throws IllegalArgumentException {@code limit} is negative
     */
    public static ProvisioningWait startingAt(Instant now, Duration limit) {
        Objects.requireNonNull(now, "'now' must not be null");
        Objects.requireNonNull(limit, "'limit' must not be null");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("'limit' must not be negative");
        }
        return new ProvisioningWait(now.plus(limit));
    }

    /** What to do, having seen the customer in {@code status} at {@code now}. */
    public Decision decide(CustomerStatus status, Instant now) {
        if (status.acceptsSubscribers()) {
            return Decision.READY;
        }
        if (status.isFailed()) {
            return Decision.FAILED;
        }
        return now.isBefore(deadline) ? Decision.WAIT : Decision.DEADLINE_PASSED;
    }

    /** What to do after looking at the customer once. */
    public enum Decision {
        /** The customer accepts subscribers: go on. */
        READY,
        /** Still in progress and time is left: look again after a pause. */
        WAIT,
        /** Webex gave up: waiting longer will not help. */
        FAILED,
        /** Still in progress, but the deadline passed: stop waiting now. */
        DEADLINE_PASSED
    }
}
