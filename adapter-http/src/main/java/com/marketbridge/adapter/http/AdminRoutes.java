package com.marketbridge.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.domain.journal.TimelineEntry;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;

/** Adds the admin API and the console to the server: only when an admin account is set, else neither exists. */
final class AdminRoutes {

    private AdminRoutes() {
    }

    static void add(JavalinConfig config, AdminAccess access, ObjectMapper json, Clock clock) {
        ConsoleSessions sessions = new ConsoleSessions(clock);
        AdminAuthentication authentication = new AdminAuthentication(new AdminCredentials(access.settings()), sessions,
                new SignInThrottle(clock));
        AdminEndpoints api = new AdminEndpoints(access.queries(), access.actions(), json);
        ConsoleEndpoints console = new ConsoleEndpoints(authentication, sessions);
        String path = AdminEndpoints.PATH;
        config.routes.before(path + "/*", authentication::check);
        config.routes.get(path + "/session", api::session);
        config.routes.get(path + "/overview", api::overview);
        config.routes.get(path + "/events", api::events);
        config.routes.get(path + "/events/{token}", api::event);
        config.routes.post(path + "/events/{token}/retry", ctx -> api.act(ctx, TimelineEntry.Action.RETRY));
        config.routes.post(path + "/events/{token}/redeliver", ctx -> api.act(ctx, TimelineEntry.Action.REDELIVER));
        config.routes.post(path + "/events/{token}/resolve", ctx -> api.act(ctx, TimelineEntry.Action.RESOLVE));
        config.routes.get(path + "/subscriptions", api::subscriptions);
        config.routes.get(ConsoleEndpoints.PATH + "/login", console::loginPage);
        config.routes.post(ConsoleEndpoints.PATH + "/login", console::login);
        config.routes.post(ConsoleEndpoints.PATH + "/logout", console::logout);
        config.staticFiles.add(files -> {
            files.hostedPath = ConsoleEndpoints.PATH;
            files.directory = "/console";
            files.location = Location.CLASSPATH;
        });
    }
}
