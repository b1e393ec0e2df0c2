package com.marketbridge.application.fake;

import com.marketbridge.application.service.fulfilment.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that stands still until something sleeps on it: sleeping moves it forward instead of blocking. */
public final class FakeClock extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.now = start;
    }

    public FakeClock() {
        this(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Every pause taken so far, oldest first. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public synchronized Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fake clock is UTC only");
    }
}
