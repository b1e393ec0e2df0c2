package com.marketbridge.bootstrap.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * AppDirect and Webex for the training run, as one JDK HTTP server on 127.0.0.1: it starts in milliseconds, where
 * WireMock would add seconds to every build. It serves one provisioned company, its order by {@link #EMAIL} and
 * the cancel of that subscriber, with the contract shapes under src/test/resources. Anything else is a 404.
 */
final class TrainingUpstreams implements AutoCloseable {

    static final String BASIC_USER = "appdirect";
    static final String BASIC_PASSWORD = "training-password";
    static final String ORDER = "training-order";
    static final String CANCEL = "training-cancel";
    static final String EMAIL = "trainee@contoso.test";
    private static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    private static final String CUSTOMER_ID = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2M";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "training-upstreams");
        thread.setDaemon(true);
        return thread;
    });

    private TrainingUpstreams(HttpServer server) {
        this.server = server;
    }

    static TrainingUpstreams start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TrainingUpstreams upstreams = new TrainingUpstreams(server);
        server.createContext("/", upstreams::answer);
        server.setExecutor(upstreams.threads);
        server.start();
        return upstreams;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String eventUrl(String token) {
        return baseUrl() + "/api/integration/v1/events/" + token;
    }

    /** The settings a partner would write, pointed at this server; the connector listens on a free port. */
    Map<String, String> settings(String dataDir) {
        return Map.ofEntries(
                Map.entry("BASE_URL_MARKETPLACE", baseUrl()),
                Map.entry("OAUTH_CLIENT_ID", "training-client"),
                Map.entry("OAUTH_CLIENT_SECRET", "training-secret"),
                Map.entry("BASIC_USERNAME", BASIC_USER),
                Map.entry("BASIC_PASSWORD", BASIC_PASSWORD),
                Map.entry("WEBEX_BASE_URL", baseUrl() + "/v1"),
                Map.entry("WEBEX_TOKEN", "training-webex-token"),
                Map.entry("PROVISIONING_ID", "UHJvdlRlbXBsYXRlLTAwMQ"),
                Map.entry("CUSTOMER_PACKAGES", "[\"webex_calling\", \"webex_meetings\", \"webex_suite\"]"),
                Map.entry("ADDRESS", "771 Alder Drive"),
                Map.entry("ZIP_CODE", "95035"),
                Map.entry("CITY", "Milpitas"),
                Map.entry("COUNTRY", "US"),
                Map.entry("STATE", "CA"),
                Map.entry("TIMEZONE", "America/Los_Angeles"),
                // the longest budget there is: a cold JVM on a busy build machine still answers with the result
                Map.entry("RESPONSE_BUDGET_MS", "4500"),
                Map.entry("PORT", "0"),
                Map.entry("DATA_DIR", dataDir));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String subscriber = fill(resource("webex/subscriber.json"), Map.of("subscriberId", "SUB-trainee", "personId", "PERSON-trainee", "email", EMAIL,
                    "customerId", CUSTOMER_ID, "company", COMPANY, "package", "webex_meetings"));
            String customer = fill(resource("webex/customer.json"), Map.of("customerId", CUSTOMER_ID, "company", COMPANY,
                    "status", "provisioned", "orgId", "\"orgId\": \"ORG1\","));
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /oauth2/token" -> json(exchange, 200,
                        "{\"access_token\":\"training-token\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"ROLE_APPLICATION\"}");
                case "GET /api/integration/v1/events/" + ORDER -> json(exchange, 200, event("appdirect/order.json"));
                case "GET /api/integration/v1/events/" + CANCEL -> json(exchange, 200, event("appdirect/cancel.json"));
                case "GET /v1/wholesale/customers" -> json(exchange, 200, "{\"items\":[" + customer + "]}");
                case "GET /v1/wholesale/customers/" + CUSTOMER_ID -> json(exchange, 200, customer);
                case "POST /v1/wholesale/subscribers/validate" -> json(exchange, 200,
                        "{\"message\":\"success\",\"info\":[{\"infoCode\":100,\"description\":\"Provisioning precheck validation successful.\"}]}");
                case "POST /v1/wholesale/subscribers" -> json(exchange, 200, subscriber);
                case "GET /v1/wholesale/subscribers" -> json(exchange, 200, "{\"items\":[" + subscriber + "]}");
                case "GET /v1/people" -> json(exchange, 200, query != null && query.contains("email=")
                        ? "{\"items\":[{\"id\":\"PERSON-trainee\",\"emails\":[\"" + EMAIL + "\"],\"orgId\":\"ORG1\"}]}"
                        : "{\"items\":[]}");
                case "DELETE /v1/wholesale/subscribers/SUB-trainee", "DELETE /v1/people/PERSON-trainee" ->
                        exchange.sendResponseHeaders(204, -1);
                default -> {
                    if (path.startsWith("/api/integration/v1/events/") && path.endsWith("/result")) {
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        json(exchange, 404, "{\"message\":\"the training upstreams do not serve " + path + "\"}");
                    }
                }
            }
        }
    }

    private String event(String template) {
        return fill(resource(template), Map.of("baseUrl", baseUrl(), "flag", "null", "email", EMAIL, "company", COMPANY,
                "edition", "webex_meetings", "account", COMPANY + ":" + EMAIL));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = TrainingUpstreams.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
