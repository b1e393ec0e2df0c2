package com.marketbridge.adapter.http;

import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's HTTP face: the marketplace webhook (the original demo's URL and a neutral one), liveness,
 * readiness and the metrics, and, when an admin account is set, the admin API and the console. Every answer but the
 * metrics' text and the console's pages is JSON, written by Jackson; no stack trace leaves the process.
 */
public final class WebhookServer implements AutoCloseable {

    /** The original demo's notification path, kept so partners can swap the binary. */
    public static final String DEMO_PATH = "/subscription_receiver";
    /** The neutral path for new installs; it serves every event type. */
    public static final String EVENTS_PATH = "/api/v1/events";

    private static final String NOT_FOUND = "NOT_FOUND";
    private static final String CONSOLE_FILES = ConsoleEndpoints.PATH + "/*";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    /**
     * Jetty pads its contended counters to a cache line, and to size that padding it asks the JVM whether object
     * references are compressed, through the platform MBean server: that one question starts JMX (about 170
     * classes and every platform MBean registered, 0.1-0.2 s of CPU at a cold start). The answer is yes below a
     * 32 GB heap, and then Jetty's own figure is 16 references to a 64-byte line; were it no, 16 would only pad
     * more than needed. A value set on the command line wins.
     */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final Javalin app;

    private WebhookServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening without the admin API and the console (they answer 404). */
    public static WebhookServer start(HttpSettings settings, HandleMarketplaceEventUseCase useCase,
                                      MarketplaceAnswers answers, BooleanSupplier ready, HttpMetrics metrics) {
        return start(settings, useCase, answers, ready, metrics, Optional.empty(), Clock.systemUTC());
    }

    /**
     * Starts listening; {@code ready} tells whether the connector can take events (settings valid, store open),
     * {@code metrics} what {@code /metrics} serves and who hears of each request answered. Without {@code admin}, the
     * admin API and the console answer 404.
     */
    public static WebhookServer start(HttpSettings settings, HandleMarketplaceEventUseCase useCase,
                                      MarketplaceAnswers answers, BooleanSupplier ready, HttpMetrics metrics,
                                      Optional<AdminAccess> admin, Clock clock) {
        WebhookEndpoint webhook = new WebhookEndpoint(useCase, answers, settings.optionalPublicBaseUrl());
        MetricsEndpoint scrape = new MetricsEndpoint(metrics.scrape(), settings.optionalMetricsToken());
        ObjectMapper json = JsonMapping.create();
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JsonErrorHandler(json));
            });
            config.requestLogger.http((ctx, millis) -> metrics.served().served(ctx.method().name(), route(ctx),
                    ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000))));
            config.routes.get(DEMO_PATH, webhook::handle);
            config.routes.post(DEMO_PATH, webhook::handle);
            config.routes.get(EVENTS_PATH, webhook::handle);
            config.routes.post(EVENTS_PATH, webhook::handle);
            config.routes.get("/health", ctx -> status(ctx, HttpStatus.OK, "UP"));
            config.routes.get("/ready", ctx -> {
                boolean isReady = ready.getAsBoolean();
                status(ctx, isReady ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, isReady ? "READY" : "NOT_READY");
            });
            config.routes.get(MetricsEndpoint.PATH, scrape::handle);
            admin.ifPresent(access -> AdminRoutes.add(config, access, json, clock));
            config.routes.exception(AdminProblem.class, (problem, ctx) -> {
                ctx.attribute(AdminProblem.class.getName(), problem);
                ctx.status(problem.status()).json(problem.document());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String reference = UUID.randomUUID().toString();
                LOG.error("unexpected failure answering {} {} (reference {})", ctx.method(), ctx.path(), reference, e);
                String message = "The connector failed unexpectedly; its log has the details under reference " + reference;
                if (ctx.path().startsWith(AdminEndpoints.PATH + "/")) {
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("INTERNAL_ERROR", message));
                } else {
                    webhook.answer(ctx, HttpStatus.OK, new Outcome.Failed(FailureReason.INTERNAL_ERROR, message));
                }
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), "*", ctx -> {
                if (ctx.attribute(AdminProblem.class.getName()) == null) { // not the admin API's own answer
                    status(ctx, HttpStatus.NOT_FOUND, NOT_FOUND);
                }
            });
        });
        app.start();
        return new WebhookServer(app);
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting calls and lets the ones in flight finish (up to 10 s). */
    @Override
    public void close() {
        app.stop();
    }

    /**
     * The template of the route that answered, the console's files as one, or NOT_FOUND: a raw path would give every
     * typo a series of its own. The console's files are the only ones served without a route.
     */
    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        return ctx.statusCode() < 400 && ctx.path().startsWith(ConsoleEndpoints.PATH + "/") ? CONSOLE_FILES : NOT_FOUND;
    }

    private static void status(Context ctx, HttpStatus status, String value) {
        ctx.status(status).json(new Status(value));
    }

    record Status(String status) {
    }
}
