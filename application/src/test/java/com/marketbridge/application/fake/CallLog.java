package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.UpstreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The calls the fakes received, in order, one readable line each ({@code "subscribers.find wx-c1 bob@x.io"}),
 * shared by all fakes of a test so one assertion sees the whole sequence; also where failures are scripted.
 */
public final class CallLog {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, UpstreamException> failures = new HashMap<>();
    private final Map<String, Error> crashes = new HashMap<>();
    private final List<Hold> holds = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();

    /** Every later call of {@code operation} (e.g. {@code "subscribers.validate"}) is recorded, then throws {@code failure}. */
    public synchronized CallLog failOn(String operation, UpstreamException failure) {
        failures.put(operation, failure);
        return this;
    }

    /** The next call of {@code operation} is recorded, then throws {@code crash}, as a JVM in trouble would. */
    public synchronized CallLog crashOnce(String operation, Error crash) {
        crashes.put(operation, crash);
        return this;
    }

    /** Calls of {@code operation} that mention {@code text} wait until {@code release} opens, as on a slow Webex. */
    public synchronized CallLog holdOn(String operation, String text, CountDownLatch release) {
        holds.add(new Hold(operation, text, release));
        return this;
    }

    /** Every later call of {@code operation} counts {@code made} down as it starts, before any hold: the test knows it was made. */
    public synchronized CallLog signalOn(String operation, CountDownLatch made) {
        signals.add(new Signal(operation, made));
        return this;
    }

    /** Calls of {@code operation} succeed again. */
    public synchronized CallLog recover(String operation) {
        failures.remove(operation);
        return this;
    }

    /** The calls so far, oldest first. */
    public synchronized List<String> all() {
        return List.copyOf(calls);
    }

    /** Forgets the calls so far, e.g. those a test made while arranging. */
    public synchronized void clear() {
        calls.clear();
    }

    /** Records the call as {@code operation} and its arguments joined by spaces, then holds or fails it if scripted to. */
    void record(String operation, Object... arguments) {
        StringBuilder line = new StringBuilder(operation);
        for (Object argument : arguments) {
            line.append(' ').append(argument);
        }
        List<CountDownLatch> waits = new ArrayList<>();
        UpstreamException failure;
        Error crash;
        synchronized (this) {
            calls.add(line.toString());
            signals.stream().filter(signal -> signal.operation.equals(operation)).forEach(signal -> signal.made.countDown());
            holds.stream().filter(hold -> hold.operation.equals(operation) && line.indexOf(hold.text) >= 0)
                    .forEach(hold -> waits.add(hold.release));
            failure = failures.get(operation);
            crash = crashes.remove(operation);
        }
        for (CountDownLatch release : waits) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (crash != null) {
            throw crash;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Hold(String operation, String text, CountDownLatch release) {
    }

    private record Signal(String operation, CountDownLatch made) {
    }
}
