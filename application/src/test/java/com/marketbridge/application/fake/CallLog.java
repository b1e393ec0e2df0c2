package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.UpstreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls the fakes received, in order, one readable line each ({@code "subscribers.find wx-c1 bob@x.io"}),
 * shared by all fakes of a test so one assertion sees the whole sequence; also where failures are scripted.
 */
public final class CallLog {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, UpstreamException> failures = new HashMap<>();

    /** Every later call of {@code operation} (e.g. {@code "subscribers.validate"}) is recorded, then throws {@code failure}. */
    public synchronized CallLog failOn(String operation, UpstreamException failure) {
        failures.put(operation, failure);
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

    /** Records the call as {@code operation} and its arguments joined by spaces, then fails it if scripted to. */
    synchronized void record(String operation, Object... arguments) {
        StringBuilder line = new StringBuilder(operation);
        for (Object argument : arguments) {
            line.append(' ').append(argument);
        }
        calls.add(line.toString());
        UpstreamException failure = failures.get(operation);
        if (failure != null) {
            throw failure;
        }
    }
}
