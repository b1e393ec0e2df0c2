package com.marketbridge.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failed sign-ins in a row from one client address, its next
 * sign-in is refused unchecked for a while that doubles with each further failure (1 s, 2 s, 4 s, ... at most
 * 5 minutes); a success clears its count. Nothing waits: a locked-out client is answered at once, and other clients
 * are not held up. Remembers a bounded number of clients, the least recently failed dropped first.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCKOUT = Duration.ofMinutes(5);
    private static final int MAX_CLIENTS = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the client must still wait before a sign-in is checked; empty if it may sign in now. */
    synchronized Optional<Duration> lockedOut(String client) {
        Failures current = failures.get(client);
        if (current == null || current.until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.until);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    synchronized void failed(String client) {
        Failures current = failures.computeIfAbsent(client, key -> new Failures());
        current.count++;
        if (current.count >= FREE_FAILURES) {
            Duration lockout = Duration.ofSeconds(1L << Math.min(current.count - FREE_FAILURES, 9));
            current.until = clock.instant().plus(lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout);
        }
    }

    synchronized void succeeded(String client) {
        failures.remove(client);
    }

    private static final class Failures {
        private int count;
        private Instant until;
    }
}
