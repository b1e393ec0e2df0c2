package com.marketbridge.domain.event;

/** Whether an event is real, a marketplace integration test, or a ping that must change nothing. */
public enum EventFlag {
    /** A real customer action (the marketplace sends no flag). */
    LIVE,
    /** An integration-report test of an unpublished product: run it for real, nothing is billed. */
    DEVELOPMENT,
    /** A ping test: answer well-formed, change nothing anywhere. */
    STATELESS;

    /** Whether handling the event must leave everything as it is. */
    public boolean changesNothing() {
        return this == STATELESS;
    }
}
