package com.marketbridge.application.embedding;

import com.marketbridge.application.port.out.LaneLeases;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The leases of a connector alone on its stores: every lane is always its own, nobody takes one over. */
final class SoleConnectorLeases implements LaneLeases {

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
}
