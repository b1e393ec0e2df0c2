package com.marketbridge.sandbox;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;

/** How both simulators serve: Javalin on a free port of 127.0.0.1, quietly, with the routes each declares. */
final class Loopback {

    private Loopback() {
    }

    static Javalin server(Consumer<JavalinConfig> routes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            routes.accept(config);
        });
    }
}
