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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppDirect and Webex for the training run, as one JDK HTTP server on 127.0.0.1: it starts in milliseconds, where
 * WireMock would add seconds to every build. It serves one provisioned company with a calling location, and the
 * order and cancel of subscriber n ({@link #order}, {@link #cancel}; the edition goes meetings, calling, suite by n),
 * with the contract shapes under src/test/resources. It keeps no state: every extension is free (the connector
 * skips those it reserved itself) and every delete succeeds. Anything else is a 404.
 */
final class TrainingUpstreams implements AutoCloseable {

    static final String BASIC_USER = "appdirect";
    static final String BASIC_PASSWORD = "training-password";
    static final int EDITIONS = 3;
    private static final String[] EDITION_CODES = {"webex_meetings", "webex_calling", "webex_suite"};
    private static final Pattern EVENT = Pattern.compile("/api/integration/v1/events/training-([oc])-(\\d+)");
    private static final Pattern BODY_EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_PACKAGE = Pattern.compile("\"packages\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
    private static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    private static final String CUSTOMER_ID = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2M";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
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

    /** The order of subscriber n: meetings, calling or suite by n. */
    String order(int n) {
        return baseUrl() + "/api/integration/v1/events/training-o-" + n;
    }

    /** The cancel of subscriber n's subscription. */
    String cancel(int n) {
        return baseUrl() + "/api/integration/v1/events/training-c-" + n;
    }

    static String email(int n) {
        return "trainee-" + n + "@contoso.test";
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
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String customer = fill(resource("webex/customer.json"), Map.of("customerId", CUSTOMER_ID, "company", COMPANY,
                    "status", "provisioned", "orgId", "\"orgId\": \"ORG1\","));
            Matcher event = EVENT.matcher(path);
            if (event.matches() && exchange.getRequestMethod().equals("GET")) {
                json(exchange, 200, event(event.group(1).equals("o") ? "appdirect/order.json" : "appdirect/cancel.json",
                        Integer.parseInt(event.group(2))));
                return;
            }
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /oauth2/token" -> json(exchange, 200,
                        "{\"access_token\":\"training-token\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"ROLE_APPLICATION\"}");
                case "GET /v1/wholesale/customers" -> json(exchange, 200, "{\"items\":[" + customer + "]}");
                case "GET /v1/wholesale/customers/" + CUSTOMER_ID -> json(exchange, 200, customer);
                case "POST /v1/wholesale/subscribers/validate" -> json(exchange, 200,
                        "{\"message\":\"success\",\"info\":[{\"infoCode\":100,\"description\":\"Provisioning precheck validation successful.\"}]}");
                case "POST /v1/wholesale/subscribers" -> json(exchange, 200, subscriber(group(BODY_EMAIL, body), group(BODY_PACKAGE, body)));
                case "GET /v1/locations" -> json(exchange, 200, resource("webex/locations.json"));
                case "POST /v1/telephony/config/locations/LOC1/actions/validateExtensions/invoke" -> json(exchange, 200, "{\"status\":\"OK\"}");
                case "GET /v1/people" -> json(exchange, 200, query != null && query.contains("email=")
                        ? "{\"items\":[{\"id\":\"PERSON-x\",\"emails\":[\"" + email(0) + "\"],\"orgId\":\"ORG1\"}]}"
                        : "{\"items\":[]}");
                default -> {
                    if (path.startsWith("/api/integration/v1/events/") && path.endsWith("/result")
                            || exchange.getRequestMethod().equals("DELETE")
                            && (path.startsWith("/v1/wholesale/subscribers/SUB-") || path.startsWith("/v1/people/PERSON-"))) {
                        exchange.sendResponseHeaders(path.endsWith("/result") ? 200 : 204, -1);
                    } else {
                        json(exchange, 404, "{\"message\":\"the training upstreams do not serve " + path + "\"}");
                    }
                }
            }
        }
    }

    private String event(String template, int n) {
        return fill(resource(template), Map.of("baseUrl", baseUrl(), "flag", "null", "email", email(n), "company", COMPANY,
                "edition", EDITION_CODES[n % EDITIONS], "account", COMPANY + ":" + email(n)));
    }

    private static String subscriber(String email, String packageName) {
        String local = email == null ? "x" : email.substring(0, email.indexOf('@'));
        return fill(resource("webex/subscriber.json"), Map.of("subscriberId", "SUB-" + local, "personId", "PERSON-" + local,
                "email", String.valueOf(email), "customerId", CUSTOMER_ID, "company", COMPANY,
                "package", packageName == null ? "webex_meetings" : packageName));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
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
