package com.marketbridge.adapter.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sign-ins, in memory: a random session id (the cookie) per sign-in, with the operator's name and the
 * token every POST of the session must carry. A session ends at sign-out, after {@link #IDLE} without use, or when the
 * connector stops.
 */
final class ConsoleSessions {

    static final String COOKIE = "mb_session";
    static final Duration IDLE = Duration.ofHours(8);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Used> sessions = new ConcurrentHashMap<>();

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    record Session(String id, String username, String csrfToken) {
    }

    private record Used(Session session, Instant last) {
    }

    Session open(String username) {
        Instant now = clock.instant();
        sessions.values().removeIf(used -> isIdle(used, now));
        Session session = new Session(randomToken(), username, randomToken());
        sessions.put(session.id(), new Used(session, now));
        return session;
    }

    /** The live session of this id, kept alive by the use. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Used used = sessions.computeIfPresent(id, (key, found) -> isIdle(found, now) ? null : new Used(found.session(), now));
        return Optional.ofNullable(used).map(Used::session);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static boolean isIdle(Used used, Instant now) {
        return used.last().plus(IDLE).isBefore(now);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
