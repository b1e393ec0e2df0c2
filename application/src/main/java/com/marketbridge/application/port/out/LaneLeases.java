package com.marketbridge.application.port.out;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Which connector works on a lane (a company's events) while several share one store: a lease each connector takes
 * before it works on the lane, keeps while it does, and lets go once the lane has nothing left to do. A connector
 * that stops without letting go (killed, paused, cut off from the store) holds the lane for one {@link #term()}
 * at most; then another takes it over. The store refuses the event writes of a connector whose lane another took
 * ({@link LeaseLostException}), so one that wakes from a pause cannot undo the work of its successor.
 */
public interface LaneLeases {

    /** The leases of a connector alone on its stores: every lane is always its own, nobody takes one over. */
    LaneLeases SOLE = new LaneLeases() {
        @Override
        public boolean take(String lane) {
            return true;
        }

        @Override
        public boolean holds(String lane) {
            return true;
        }

        @Override
        public void release(String lane) {
            // nobody else could take it
        }

        @Override
        public Duration term() {
            return ChronoUnit.FOREVER.getDuration();
        }

        @Override
        public boolean shared() {
            return false;
        }
    };

    /** Takes the lane for this connector, or keeps it; false while another connector holds a live lease on it. */
    boolean take(String lane);

    /**
     * Whether this connector still holds the lane, by its own clock and with a margin before the lease could expire:
     * checked before each step that acts on the lane's events outside the store.
     */
    boolean holds(String lane);

    /** Lets the lane go: the lane has nothing left to do here. */
    void release(String lane);

    /** How long a lease outlives its holder: the longest another connector waits to take over a lane. */
    Duration term();

    /**
     * Whether other connectors share the store: only then can work appear in a lane that this connector did not
     * receive, or is not working on.
     */
    boolean shared();
}
