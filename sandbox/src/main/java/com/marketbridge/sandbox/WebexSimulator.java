package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Webex stand-in on 127.0.0.1 serving the calls of the connector's Webex adapter ({@code /v1/wholesale/...},
 * {@code /v1/locations}, {@code /v1/telephony/...validateExtensions}, {@code /v1/people}) with the contract's shapes,
 * for the bearer token it was given. Control endpoints: {@code GET /sandbox/webex/state} (what it holds, the calls it
 * took, the refusals it answered), {@code POST /sandbox/webex/faults} and {@code DELETE /sandbox/webex/faults}.
 */
final class WebexSimulator implements AutoCloseable {

    private final Javalin app;
    private final String token;
    private final WebexState state;
    private final WebexFaults faults = new WebexFaults();
    /** Calls taken by route, e.g. {@code "PUT /v1/wholesale/subscribers/{id}": 1}. */
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    /** One error envelope the simulator answered: its call, status, description and tracking id. */
    record Refusal(String call, int status, String description, String trackingId) {
    }

    private WebexSimulator(String token, Schedule schedule, Duration provisioning) {
        this.token = token;
        this.state = new WebexState(schedule, provisioning, faults);
        this.app = Loopback.server(config -> {
            config.routes.beforeMatched("/v1/*", this::admit);
            config.routes.get("/v1/wholesale/customers", ctx -> list(ctx, state.customersWithExternalId(ctx.queryParam("externalId"))));
            config.routes.post("/v1/wholesale/customers", this::createCustomer);
            config.routes.get("/v1/wholesale/customers/{id}", ctx -> Json.answer(ctx, 200, state.customer(ctx.pathParam("id"))));
            config.routes.post("/v1/wholesale/subscribers/validate", ctx -> Json.answer(ctx, 200, state.precheck(body(ctx))));
            config.routes.post("/v1/wholesale/subscribers", ctx -> Json.answer(ctx, 200, state.createSubscriber(body(ctx))));
            config.routes.get("/v1/wholesale/subscribers", ctx -> list(ctx, state.subscribers(ctx.queryParam("customerId"),
                    ctx.queryParam("email"))));
            config.routes.put("/v1/wholesale/subscribers/{id}", ctx -> Json.answer(ctx, 200,
                    state.changeSubscriber(ctx.pathParam("id"), body(ctx))));
            config.routes.delete("/v1/wholesale/subscribers/{id}", ctx -> {
                state.removeSubscriber(ctx.pathParam("id"));
                ctx.status(204);
            });
            config.routes.get("/v1/locations", ctx -> list(ctx, state.locations(ctx.queryParam("orgId"))));
            config.routes.post("/v1/telephony/config/locations/{id}/actions/validateExtensions/invoke",
                    ctx -> Json.answer(ctx, 200, state.validateExtensions(ctx.pathParam("id"), body(ctx))));
            config.routes.get("/v1/people", ctx -> list(ctx, state.people(ctx.queryParam("email"), ctx.queryParam("orgId"))));
            config.routes.delete("/v1/people/{id}", ctx -> {
                state.removePerson(ctx.pathParam("id"));
                ctx.status(204);
            });
            config.routes.get("/sandbox/webex/state", ctx -> Json.answer(ctx, 200, snapshot()));
            config.routes.get("/sandbox/webex/faults", ctx -> Json.answer(ctx, 200, faults.describe()));
            config.routes.post("/sandbox/webex/faults", ctx -> {
                faults.add(Json.body(ctx, new InvalidRequest("the body is not JSON")));
                Json.answer(ctx, 200, faults.describe());
            });
            config.routes.delete("/sandbox/webex/faults", ctx -> {
                faults.clear();
                Json.answer(ctx, 200, faults.describe());
            });
            config.routes.exception(WebexRefusal.class, this::refuse);
            config.routes.exception(InvalidRequest.class, (e, ctx) -> Json.answer(ctx, 400,
                    Map.of("error", "INVALID_REQUEST", "message", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> refuse(new WebexRefusal(500,
                    "The simulated Webex failed: " + e), ctx));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    refuse(new WebexRefusal(404, "No such resource: " + ctx.method() + " " + ctx.path()), ctx);
                }
            });
        });
    }

    /** Starts on a free port of 127.0.0.1; customers it creates stay provisioning for {@code provisioning}. */
    static WebexSimulator start(String token, Schedule schedule, Duration provisioning) {
        WebexSimulator simulator = new WebexSimulator(token, schedule, provisioning);
        simulator.app.start();
        return simulator;
    }

    /** The base URL the connector is given: {@code http://127.0.0.1:<port>/v1}. */
    String apiUrl() {
        return baseUrl() + "/v1";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Every refusal the simulator answered so far, oldest first. */
    synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    WebexFaults faults() {
        return faults;
    }

    WebexState state() {
        return state;
    }

    /** How many calls the simulator took on {@code route}, e.g. {@code POST /v1/wholesale/customers}. */
    synchronized int calls(String route) {
        return calls.getOrDefault(route, 0);
    }

    /** Counts the call, then lets it through only with the token and while not told to be unavailable. */
    private void admit(Context ctx) {
        synchronized (this) {
            calls.merge(ctx.method() + " " + ctx.endpoints().matchedHttpEndpoint().path, 1, Integer::sum);
        }
        if (!("Bearer " + token).equals(ctx.header("Authorization"))) {
            throw new WebexRefusal(401, "The request requires a valid access token set in the Authorization request header.");
        }
        if (faults.unavailableNow()) {
            throw new WebexRefusal(503, "Service Unavailable (sandbox fault)");
        }
    }

    private void createCustomer(Context ctx) {
        String url = apiUrl() + "/wholesale/customers/" + state.createCustomer(body(ctx));
        ctx.header("Location", url);
        Json.answer(ctx, 202, Map.of("url", url));
    }

    private void refuse(WebexRefusal refusal, Context ctx) {
        String trackingId = "ROUTERGW_sandbox-" + UUID.randomUUID();
        synchronized (this) {
            refusals.add(new Refusal(ctx.method() + " " + ctx.path(), refusal.status(), refusal.getMessage(), trackingId));
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("description", refusal.getMessage());
        if (refusal.errorCode() != null) {
            error.put("errorCode", refusal.errorCode());
        }
        Json.answer(ctx, refusal.status(), Map.of("message", refusal.getMessage(), "errors", List.of(error),
                "trackingId", trackingId));
    }

    private synchronized Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>(state.snapshot());
        snapshot.put("calls", Map.copyOf(calls));
        snapshot.put("refusals", List.copyOf(refusals));
        snapshot.put("faults", faults.describe());
        return snapshot;
    }

    private static JsonNode body(Context ctx) {
        return Json.body(ctx, new WebexRefusal(400, "The request body is not JSON"));
    }

    private static void list(Context ctx, List<Map<String, Object>> items) {
        Json.answer(ctx, 200, Map.of("items", items));
    }

    @Override
    public void close() {
        app.stop();
    }
}
