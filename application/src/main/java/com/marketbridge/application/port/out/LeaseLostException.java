package com.marketbridge.application.port.out;

/**
 * A write to an event refused because another connector took the event's lane ({@link LaneLeases}): the lease of
 * this one expired meanwhile. The work is not lost: the other connector finishes it.
 */
public final class LeaseLostException extends RuntimeException {

    /** The write was to an event of {@code lane}. */
    public LeaseLostException(String lane) {
        super("another connector took over lane " + lane);
    }
}
