package com.marketbridge.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppDirect and Webex stand-ins for the benchmark: two WireMock servers on 127.0.0.1, no latency, no request
 * journal, answering with the contract shapes of {@code Upstreams} and the JSON under src/test/resources.
 * One catch-all stub per server hands every request to a transformer that renders the answer from the
 * request (event token, email, company), so 20,000 distinct events need no 20,000 stubs. A listener counts
 * the calls per endpoint, since the journal is off.
 *
 * <p>Event tokens encode the event: {@code o-<company>-<n>} is an order by {@code u<n>@contoso.test} of
 * company number {@code <company>} (0 is the company of the end-to-end tests), {@code c-<company>-<n>} the
 * cancel of that subscriber's account.
 */
final class BenchUpstreams implements AutoCloseable {

    static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    static final String CUSTOMER_ID = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2M";
    static final String BASIC_USER = "appdirect";
    static final String BASIC_PASSWORD = "notification-password";

    /** The endpoints counted, in the report's order. */
    enum Endpoint {
        APPDIRECT_TOKEN("AppDirect token"), EVENT_FETCH("event fetch"), RESULT_POST("result POST"),
        CUSTOMER_LOOKUP("Webex customers lookup"), CUSTOMER_CREATE("customer create"), CUSTOMER_GET("customer GET"),
        PRECHECK("precheck"), SUBSCRIBER_CREATE("subscriber create"), SUBSCRIBER_FIND("subscriber find"),
        SUBSCRIBER_DELETE("subscriber delete"), PEOPLE_LOOKUP("people lookup"), PERSON_DELETE("person delete"),
        OTHER("other (unexpected)");

        final String label;

        Endpoint(String label) {
            this.label = label;
        }
    }

    /** How the company's Webex customer behaves. */
    enum CustomerMode {
        /** Every company is provisioned already. */
        PROVISIONED,
        /** No customer until the connector creates one; it then reads "provisioning" for {@code provisioningMillis}. */
        CREATED_ON_FIRST_ORDER
    }

    private static final Pattern TOKEN = Pattern.compile("^([oc])-(\\d+)-(\\d+)$");
    private static final Pattern BODY_EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_CUSTOMER_ID = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<Endpoint, LongAdder> calls = new EnumMap<>(Endpoint.class);
    /** When each event's result POST arrived (System.nanoTime), by token. */
    final Map<String, Long> resultArrivals = new ConcurrentHashMap<>();
    /** When each company's customer was created (System.nanoTime), by company uuid. */
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
    private final CustomerMode mode;
    private final long provisioningNanos;
    private final String order = resource("appdirect/order.json");
    private final String cancel = resource("appdirect/cancel.json");
    private final String customer = resource("webex/customer.json");
    private final String subscriber = resource("webex/subscriber.json");
    private final int webexLatencyMillis;
    final WireMockServer appDirect;
    final WireMockServer webex;

    BenchUpstreams(CustomerMode mode, long provisioningMillis, int containerThreads) {
        this(mode, provisioningMillis, containerThreads, 0);
    }

    /** @param webexLatencyMillis how long each Webex answer takes, as over a real network (0: at once) */
    BenchUpstreams(CustomerMode mode, long provisioningMillis, int containerThreads, int webexLatencyMillis) {
        this.mode = mode;
        this.webexLatencyMillis = webexLatencyMillis;
        this.provisioningNanos = TimeUnit.MILLISECONDS.toNanos(provisioningMillis);
        for (Endpoint endpoint : Endpoint.values()) {
            calls.put(endpoint, new LongAdder());
        }
        appDirect = server(containerThreads, this::appDirectAnswer);
        webex = server(containerThreads, request -> webexLatencyMillis == 0 ? webexAnswer(request)
                : ResponseDefinitionBuilder.like(webexAnswer(request)).withFixedDelay(webexLatencyMillis).build());
    }

    private WireMockServer server(int containerThreads, java.util.function.Function<Request, ResponseDefinition> answer) {
        ResponseDefinitionTransformerV2 render = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                return answer.apply(event.getRequest());
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public String getName() {
                return "bench-render";
            }
        };
        ServeEventListener count = new ServeEventListener() {
            @Override
            public void beforeMatch(ServeEvent event, Parameters parameters) {
                Endpoint endpoint = classify(event.getRequest());
                calls.get(endpoint).increment();
                if (endpoint == Endpoint.RESULT_POST) {
                    String[] path = event.getRequest().getUrl().split("/");
                    resultArrivals.putIfAbsent(path[path.length - 2], System.nanoTime());
                }
            }

            @Override
            public String getName() {
                return "bench-count";
            }
        };
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(containerThreads).disableRequestJournal().stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false).extensions(render, count));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers("bench-render")));
        return server;
    }

    String appDirectBase() {
        return "http://127.0.0.1:" + appDirect.port();
    }

    String eventUrl(String token) {
        return appDirectBase() + "/api/integration/v1/events/" + token;
    }

    /** The settings of Upstreams.settings(), pointed at these stubs; the connector listens on a free port. */
    Map<String, String> settings(String dataDir) {
        return Map.ofEntries(
                Map.entry("BASE_URL_MARKETPLACE", appDirectBase()),
                Map.entry("OAUTH_CLIENT_ID", "client-id"),
                Map.entry("OAUTH_CLIENT_SECRET", "oauth-client-secret"),
                Map.entry("BASIC_USERNAME", BASIC_USER),
                Map.entry("BASIC_PASSWORD", BASIC_PASSWORD),
                Map.entry("WEBEX_BASE_URL", webex.baseUrl() + "/v1"),
                Map.entry("WEBEX_TOKEN", "webex-static-token"),
                Map.entry("PROVISIONING_ID", "UHJvdlRlbXBsYXRlLTAwMQ"),
                Map.entry("CUSTOMER_PACKAGES", "[\"webex_calling\", \"webex_meetings\", \"webex_suite\"]"),
                Map.entry("ADDRESS", "771 Alder Drive"),
                Map.entry("ZIP_CODE", "95035"),
                Map.entry("CITY", "Milpitas"),
                Map.entry("COUNTRY", "US"),
                Map.entry("STATE", "CA"),
                Map.entry("TIMEZONE", "America/Los_Angeles"),
                Map.entry("PORT", "0"),
                Map.entry("DATA_DIR", dataDir));
    }

    /** The calls counted so far, per endpoint. */
    Map<Endpoint, Long> snapshot() {
        Map<Endpoint, Long> now = new EnumMap<>(Endpoint.class);
        calls.forEach((endpoint, count) -> now.put(endpoint, count.sum()));
        return now;
    }

    static String company(int index) {
        return index == 0 ? COMPANY : String.format("c1a5d0f2-77e4-4a5b-9b8e-%012d", index);
    }

    static String customerId(String company) {
        return company.equals(COMPANY) ? CUSTOMER_ID : "CUST-" + company.substring(company.length() - 12);
    }

    static String email(long n) {
        return "u" + n + "@contoso.test";
    }

    static Endpoint classify(Request request) {
        String method = request.getMethod().getName();
        String path = request.getUrl();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.equals("/oauth2/token")) {
            return Endpoint.APPDIRECT_TOKEN;
        }
        if (path.startsWith("/api/integration/v1/events/")) {
            return path.endsWith("/result") ? Endpoint.RESULT_POST : Endpoint.EVENT_FETCH;
        }
        switch (method + " " + path) {
            case "GET /v1/wholesale/customers": return Endpoint.CUSTOMER_LOOKUP;
            case "POST /v1/wholesale/customers": return Endpoint.CUSTOMER_CREATE;
            case "POST /v1/wholesale/subscribers/validate": return Endpoint.PRECHECK;
            case "POST /v1/wholesale/subscribers": return Endpoint.SUBSCRIBER_CREATE;
            case "GET /v1/wholesale/subscribers": return Endpoint.SUBSCRIBER_FIND;
            case "GET /v1/people": return Endpoint.PEOPLE_LOOKUP;
            default: break;
        }
        if (method.equals("GET") && path.startsWith("/v1/wholesale/customers/")) {
            return Endpoint.CUSTOMER_GET;
        }
        if (method.equals("DELETE") && path.startsWith("/v1/wholesale/subscribers/")) {
            return Endpoint.SUBSCRIBER_DELETE;
        }
        if (method.equals("DELETE") && path.startsWith("/v1/people/")) {
            return Endpoint.PERSON_DELETE;
        }
        return Endpoint.OTHER;
    }

    private ResponseDefinition appDirectAnswer(Request request) {
        switch (classify(request)) {
            case APPDIRECT_TOKEN:
                return json(200, "{\"access_token\":\"appdirect-token-1\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"ROLE_APPLICATION\"}");
            case RESULT_POST:
                return aResponse().withStatus(200).build();
            case EVENT_FETCH:
                String path = request.getUrl();
                Matcher token = TOKEN.matcher(path.substring(path.lastIndexOf('/') + 1));
                if (!token.matches()) {
                    return aResponse().withStatus(404).build();
                }
                String company = company(Integer.parseInt(token.group(2)));
                String email = email(Long.parseLong(token.group(3)));
                String template = token.group(1).equals("o") ? order : cancel;
                return json(200, fill(template, Map.of("baseUrl", appDirectBase(), "flag", "null", "email", email,
                        "company", company, "edition", "webex_meetings", "account", company + ":" + email)));
            default:
                return aResponse().withStatus(404).build();
        }
    }

    private ResponseDefinition webexAnswer(Request request) {
        String path = request.getUrl();
        switch (classify(request)) {
            case CUSTOMER_LOOKUP: {
                String company = request.queryParameter("externalId").firstValue();
                String status = customerStatus(company);
                return json(200, status == null ? "{\"items\":[]}" : "{\"items\":[" + customer(company, status) + "]}");
            }
            case CUSTOMER_CREATE: {
                Matcher externalId = BODY_EXTERNAL_ID.matcher(request.getBodyAsString());
                String company = externalId.find() ? externalId.group(1) : COMPANY;
                createdAt.putIfAbsent(company, System.nanoTime());
                String location = webex.baseUrl() + "/v1/wholesale/customers/" + customerId(company);
                return aResponse().withStatus(202).withHeader("Location", location)
                        .withHeader("Content-Type", "application/json").withBody("{\"url\":\"" + location + "\"}").build();
            }
            case CUSTOMER_GET: {
                String id = path.substring(path.lastIndexOf('/') + 1);
                String company = id.equals(CUSTOMER_ID) ? COMPANY : "c1a5d0f2-77e4-4a5b-9b8e-" + id.substring("CUST-".length());
                String status = customerStatus(company);
                return status == null ? json(404, "{\"message\":\"not found\"}") : json(200, customer(company, status));
            }
            case PRECHECK:
                return json(200, "{\"message\":\"success\",\"info\":[{\"infoCode\":100,\"description\":\"Provisioning precheck validation successful.\"}]}");
            case SUBSCRIBER_CREATE: {
                String body = request.getBodyAsString();
                Matcher email = BODY_EMAIL.matcher(body);
                Matcher customerId = BODY_CUSTOMER_ID.matcher(body);
                return json(200, subscriber(email.find() ? email.group(1) : "unknown@contoso.test",
                        customerId.find() ? customerId.group(1) : CUSTOMER_ID));
            }
            case SUBSCRIBER_FIND:
                return json(200, "{\"items\":[" + subscriber(request.queryParameter("email").firstValue(),
                        request.queryParameter("customerId").isPresent() ? request.queryParameter("customerId").firstValue() : CUSTOMER_ID) + "]}");
            case PEOPLE_LOOKUP: {
                String email = request.queryParameter("email").firstValue();
                return json(200, "{\"items\":[{\"id\":\"PERSON-" + email.substring(0, email.indexOf('@'))
                        + "\",\"emails\":[\"" + email + "\"],\"orgId\":\"ORG1\"}]}");
            }
            case SUBSCRIBER_DELETE:
            case PERSON_DELETE:
                return aResponse().withStatus(204).build();
            default:
                return aResponse().withStatus(404).build();
        }
    }

    /** null while the company has no customer at Webex. */
    private String customerStatus(String company) {
        if (mode == CustomerMode.PROVISIONED) {
            return "provisioned";
        }
        Long created = createdAt.get(company);
        if (created == null) {
            return null;
        }
        return System.nanoTime() - created < provisioningNanos ? "provisioning" : "provisioned";
    }

    private String customer(String company, String status) {
        return fill(customer, Map.of("customerId", customerId(company), "company", company, "status", status,
                "orgId", status.equals("provisioned") ? "\"orgId\": \"ORG1\"," : ""));
    }

    private String subscriber(String email, String customerId) {
        String company = customerId.equals(CUSTOMER_ID) ? COMPANY : "c1a5d0f2-77e4-4a5b-9b8e-" + customerId.substring("CUST-".length());
        return fill(subscriber, Map.of("subscriberId", "SUB-" + email.substring(0, email.indexOf('@')), "email", email,
                "customerId", customerId, "company", company, "package", "webex_meetings"));
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = BenchUpstreams.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        appDirect.stop();
        webex.stop();
    }
}
