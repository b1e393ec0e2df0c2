package com.marketbridge.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Who calls the admin API: the operator by HTTP Basic, or the console's session cookie, whose POSTs must also carry
 * its CSRF token (a cookie is sent by the browser whoever made the page; the header only by the console's script).
 * Sign-ins (Basic or the console's form) are checked in constant time and throttled per client address.
 */
final class AdminAuthentication {

    static final String REALM = "Basic realm=\"MarketBridge admin\"";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ACTOR = "marketbridge.admin.actor";
    private static final String SESSION = "marketbridge.admin.session";

    private final AdminCredentials credentials;
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;

    AdminAuthentication(AdminCredentials credentials, ConsoleSessions sessions, SignInThrottle throttle) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** Before every admin API call: lets it through with its actor known, or throws the answer. */
    void check(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.attribute(ACTOR, basic(ctx, authorization.substring(6).trim()));
            return;
        }
        String cookie = ctx.cookie(ConsoleSessions.COOKIE);
        ConsoleSessions.Session session = sessions.find(cookie).orElseThrow(() -> {
            if (cookie == null && !fromAPagesScript(ctx)) {
                ctx.header("WWW-Authenticate", REALM);
            }
            return new AdminProblem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", cookie == null
                    ? "Sign in with HTTP Basic as the admin (ADMIN_USERNAME), or through the console"
                    : "The console's session has ended; sign in again");
        });
        if (ctx.method() == HandlerType.POST && !Digests.same(session.csrfToken(), ctx.header(CSRF_HEADER))) {
            throw new AdminProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "A POST of the console's session must carry its "
                    + CSRF_HEADER + " header, as GET /api/v1/admin/session gives it");
        }
        ctx.attribute(ACTOR, session.username());
        ctx.attribute(SESSION, session);
    }

    /**
     * Whether a page's script made the call (fetch, XMLHttpRequest), as browsers say in {@code Sec-Fetch-Mode}: a
     * Basic challenge would make the browser ask for a password over the page (the console, signed out, is one such
     * page), where the page itself should answer a 401 by going to its sign-in form. Navigations, curl and other
     * clients send no such mode, and get the challenge.
     */
    private static boolean fromAPagesScript(Context ctx) {
        String mode = ctx.header("Sec-Fetch-Mode");
        return mode != null && !mode.equalsIgnoreCase("navigate");
    }

    /** The operator the call was authenticated as. */
    static String actor(Context ctx) {
        return ctx.attribute(ACTOR);
    }

    /** The console's session the call came with, if it came with one rather than Basic. */
    static Optional<ConsoleSessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The console's sign-in form: a new session, or empty if the sign-in failed or the client must wait. */
    Optional<ConsoleSessions.Session> signIn(String client, String username, String password) {
        if (throttle.lockedOut(client).isPresent() || username == null || password == null) {
            return Optional.empty();
        }
        if (!credentials.matches(username, password)) {
            throttle.failed(client);
            return Optional.empty();
        }
        throttle.succeeded(client);
        return Optional.of(sessions.open(credentials.username()));
    }

    private String basic(Context ctx, String encoded) {
        String client = ctx.ip();
        Optional<Duration> wait = throttle.lockedOut(client);
        if (wait.isPresent()) {
            throw new AdminProblem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "Too many failed sign-ins from "
                    + "this address; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            pair = "";
        }
        int colon = pair.indexOf(':');
        if (colon < 0 || !credentials.matches(pair.substring(0, colon), pair.substring(colon + 1))) {
            throttle.failed(client);
            if (ctx.cookie(ConsoleSessions.COOKIE) == null) {
                ctx.header("WWW-Authenticate", REALM);
            }
            throw new AdminProblem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "The admin credentials are wrong");
        }
        throttle.succeeded(client);
        return credentials.username();
    }
}
