package com.marketbridge.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's sign-in and sign-out; its pages are static files under {@code console/} on the classpath, served at
 * {@link #PATH}. A sign-in sets the session cookie (HttpOnly, SameSite=Strict: the browser sends it only with the
 * console's own requests) and goes to the console; a failed one back to the form, which then says so.
 */
final class ConsoleEndpoints {

    static final String PATH = "/console";
    private static final String LOGIN_PAGE = "console/login.html";

    private final AdminAuthentication authentication;
    private final ConsoleSessions sessions;

    ConsoleEndpoints(AdminAuthentication authentication, ConsoleSessions sessions) {
        this.authentication = authentication;
        this.sessions = sessions;
    }

    void loginPage(Context ctx) {
        try (InputStream page = ConsoleEndpoints.class.getClassLoader().getResourceAsStream(LOGIN_PAGE)) {
            if (page == null) {
                throw new IllegalStateException(LOGIN_PAGE + " is missing from the connector's jar");
            }
            ctx.contentType("text/html; charset=utf-8").result(page.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void login(Context ctx) {
        authentication.signIn(ctx.ip(), ctx.formParam("username"), ctx.formParam("password")).ifPresentOrElse(
                session -> {
                    ctx.header("Set-Cookie", ConsoleSessions.COOKIE + "=" + session.id()
                            + "; Path=/; HttpOnly; SameSite=Strict");
                    ctx.redirect(PATH + "/", HttpStatus.SEE_OTHER);
                },
                () -> ctx.redirect(PATH + "/login?failed", HttpStatus.SEE_OTHER));
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(ConsoleSessions.COOKIE));
        ctx.header("Set-Cookie", ConsoleSessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect(PATH + "/login", HttpStatus.SEE_OTHER);
    }
}
