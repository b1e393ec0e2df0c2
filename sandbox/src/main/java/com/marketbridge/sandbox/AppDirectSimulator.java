package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An AppDirect marketplace stand-in on 127.0.0.1: grants the connector's OAuth 2.0 client a bearer token
 * ({@code POST /oauth2/token}), serves events at their event URL and takes their posted results
 * ({@code /api/integration/v1/events/{token}[/result]}). Control endpoints: {@code POST /sandbox/appdirect/events}
 * publishes an event from a small JSON and, with {@code ?send=true}, notifies the connector of it as AppDirect does;
 * {@code GET /sandbox/appdirect/events} lists the events with the answers and results the connector gave.
 */
final class AppDirectSimulator implements AutoCloseable {

    static final String CLIENT_ID = "sandbox-connector";
    static final String NOTIFICATION_USERNAME = "appdirect";

    private final Javalin app;
    private final String clientSecret = Secrets.random();
    private final String accessToken = Secrets.random();
    private final String notificationPassword = Secrets.random();
    private final String company;
    private final String companyName;
    /** By token, in the order published. */
    private final Map<String, Published> events = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ConnectorWebhook connector;

    /** An event served at its URL, the connector's answer to its notification and the result it posted. */
    record Published(String token, EventRequest request, String eventUrl, JsonNode event,
                     CompletableFuture<ConnectorWebhook.Answer> answer, CompletableFuture<JsonNode> result) {
    }

    private AppDirectSimulator(String company, String companyName) {
        this.company = company;
        this.companyName = companyName;
        this.app = Loopback.server(config -> {
            config.routes.post("/oauth2/token", this::grant);
            config.routes.get("/api/integration/v1/events/{token}", ctx -> Json.answer(ctx, 200, published(ctx).event()));
            config.routes.post("/api/integration/v1/events/{token}/result", ctx -> {
                published(ctx).result().complete(Json.body(ctx, new InvalidRequest("the result is not JSON")));
                ctx.status(200);
            });
            config.routes.post("/sandbox/appdirect/events", this::publishFromControl);
            config.routes.get("/sandbox/appdirect/events", ctx -> Json.answer(ctx, 200, Map.of("events", described())));
            config.routes.exception(InvalidRequest.class, (e, ctx) -> Json.answer(ctx, 400,
                    Map.of("error", "INVALID_REQUEST", "message", e.getMessage())));
            config.routes.exception(Unknown.class, (e, ctx) -> Json.answer(ctx, e.status,
                    Map.of("error", e.status == 401 ? "UNAUTHORIZED" : "NOT_FOUND", "message", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> Json.answer(ctx, 500,
                    Map.of("error", "INTERNAL_ERROR", "message", "The simulated AppDirect failed: " + e)));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    Json.answer(ctx, 404, Map.of("error", "NOT_FOUND", "message", "No such resource: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
    }

    /** Starts on a free port of 127.0.0.1; events of the control endpoint are of {@code company} unless they say. */
    static AppDirectSimulator start(String company, String companyName) {
        AppDirectSimulator simulator = new AppDirectSimulator(company, companyName);
        simulator.app.start();
        return simulator;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    String clientSecret() {
        return clientSecret;
    }

    String notificationPassword() {
        return notificationPassword;
    }

    /** From now on events can be sent to the connector listening on {@code port}. */
    void connectTo(int port) {
        connector = new ConnectorWebhook(port, NOTIFICATION_USERNAME, notificationPassword);
    }

    /** Serves the event at a new event URL. */
    Published publish(EventRequest request) {
        String token = UUID.randomUUID().toString();
        Published published = new Published(token, request, baseUrl() + "/api/integration/v1/events/" + token,
                request.toEvent(baseUrl()), new CompletableFuture<>(), new CompletableFuture<>());
        events.put(token, published);
        return published;
    }

    /** Notifies the connector of the event and returns its answer. */
    ConnectorWebhook.Answer send(Published published) throws IOException, InterruptedException {
        try {
            ConnectorWebhook.Answer answer = connector.notify(published.eventUrl(), published.request().hint());
            published.answer().complete(answer);
            return answer;
        } catch (IOException | RuntimeException e) {
            published.answer().completeExceptionally(e);
            throw e;
        }
    }

    /** The result the connector posted for an event it answered 202, waiting for it at most {@code patience}. */
    JsonNode awaitResult(Published published, Duration patience) throws InterruptedException, TimeoutException {
        try {
            return published.result().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the result of " + published.token() + " failed", e.getCause());
        }
    }

    private void grant(Context ctx) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ctx.header("Authorization")) || !ctx.body().contains("grant_type=client_credentials")) {
            Json.answer(ctx, 401, Map.of("error", "invalid_client", "error_description", "Bad client credentials"));
            return;
        }
        Json.answer(ctx, 200, Map.of("access_token", accessToken, "token_type", "bearer", "expires_in", 43199,
                "scope", "ROLE_APPLICATION"));
    }

    private Published published(Context ctx) {
        if (!("Bearer " + accessToken).equals(ctx.header("Authorization"))) {
            throw new Unknown(401, "Full authentication is required to access this resource");
        }
        return Optional.ofNullable(events.get(ctx.pathParam("token")))
                .orElseThrow(() -> new Unknown(404, "No event " + ctx.pathParam("token")));
    }

    private void publishFromControl(Context ctx) throws IOException, InterruptedException {
        EventRequest request = EventRequest.read(Json.body(ctx, new InvalidRequest("the body is not JSON")), company, companyName);
        boolean send = "true".equals(ctx.queryParam("send"));
        if (send && connector == null) {
            throw new InvalidRequest("the connector is not started yet; publish without send=true, or try again");
        }
        Published published = publish(request);
        if (send) {
            send(published);
        }
        Json.answer(ctx, 201, describe(published));
    }

    private List<Map<String, Object>> described() {
        synchronized (events) {
            return events.values().stream().map(AppDirectSimulator::describe).toList();
        }
    }

    private static Map<String, Object> describe(Published published) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("token", published.token());
        description.put("type", published.request().type());
        description.put("eventUrl", published.eventUrl());
        ConnectorWebhook.Answer answer = published.answer().isDone() && !published.answer().isCompletedExceptionally()
                ? published.answer().join() : null;
        if (answer != null) {
            description.put("answer", Map.of("status", answer.status(), "body", answer.body()));
        }
        if (published.result().isDone()) {
            description.put("result", published.result().join());
        }
        return description;
    }

    /** An unauthenticated call, or one for an event the simulator never published. */
    private static final class Unknown extends RuntimeException {
        final int status;

        Unknown(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
