package com.marketbridge.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppDirect and Webex stand-ins for the benchmark: two WireMock servers on 127.0.0.1, no latency unless asked, no
 * request journal, answering with the contract shapes of {@code Upstreams} and the JSON under src/test/resources.
 * One catch-all stub per server hands every request to a transformer that renders the answer from the request
 * (event token, email, company) and counts it per endpoint and edition, so 20,000 distinct events need no 20,000
 * stubs and counting costs one {@link LongAdder} increment.
 *
 * <p>Event tokens encode the event: {@code o-<company>-<n>-<e>} is an order of edition {@code e} (see
 * {@link BenchEdition#letter}; meetings when left out) by {@code u<n>-<edition>@contoso.test} of company number
 * {@code <company>} (0 is the company of the end-to-end tests), {@code c-<company>-<n>-<e>} the cancel of that
 * subscriber's account. Companies numbered from {@link #NEW_COMPANY_BASE} have no Webex customer until the connector
 * creates one (in {@link CustomerMode#CREATED_ON_FIRST_ORDER}, none has).
 *
 * <p>Webex keeps state as it does for calling users, so that the benchmark cannot hide extension defects: one location
 * per organization, whose extensions {@code validateExtensions} reports as taken or free, a subscriber created with an
 * extension takes it (409 with error 9495 if it is taken already) and gives it back when deleted; a subscriber and its
 * person exist from their creation until their deletion. {@code pretakenExtensions} at the bottom of the range are taken
 * at every location from the start, as by users the connector did not create.
 *
 * <p>Calls are attributed to the edition of the event they serve where the request tells: by token, by the user's email
 * or id, by a new company's one order; {@code GET /locations} and {@code validateExtensions} name no user, and count for
 * the calling order whose precheck the organization saw last (the connector runs a company's calling orders one at a
 * time). The rest (token, the customers of provisioned companies) is not attributable.
 */
final class BenchUpstreams implements AutoCloseable {

    static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    static final String CUSTOMER_ID = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2M";
    static final String BASIC_USER = "appdirect";
    static final String BASIC_PASSWORD = "notification-password";
    /** Company numbers from here on are new to Webex: their first order creates their customer. */
    static final long NEW_COMPANY_BASE = 100_000_000L;
    /** The connector's extension range, set explicitly so that the taken ones below line up with it. */
    static final int EXTENSION_FROM = 2000;
    static final int EXTENSION_TO = 8999;

    /** The endpoints counted, in the report's order. */
    enum Endpoint {
        APPDIRECT_TOKEN("AppDirect token", false), EVENT_FETCH("event fetch", false), RESULT_POST("result POST", false),
        CUSTOMER_LOOKUP("customers lookup", true), CUSTOMER_CREATE("customer create", true), CUSTOMER_GET("customer GET", true),
        PRECHECK("precheck", true), LOCATIONS("list locations", true), VALIDATE_EXTENSIONS("validateExtensions", true),
        SUBSCRIBER_CREATE("create subscriber", true), SUBSCRIBER_FIND("list subscribers", true),
        SUBSCRIBER_DELETE("delete subscriber", true), PEOPLE_LOOKUP("people lookup", true), PERSON_DELETE("person delete", true),
        OTHER("other (unexpected)", true);

        final String label;
        final boolean webex;

        Endpoint(String label, boolean webex) {
            this.label = label;
            this.webex = webex;
        }
    }

    /** How the companies' Webex customers behave. */
    enum CustomerMode {
        /** Companies below {@link #NEW_COMPANY_BASE} are provisioned; the others have none until the connector creates one. */
        PROVISIONED,
        /** No company has a customer until the connector creates one. */
        CREATED_ON_FIRST_ORDER
    }

    /** Calls counted per endpoint and per edition, the last column for calls no edition can be told for. */
    record Calls(long[][] counts) {

        static final int NOT_ATTRIBUTED = BenchEdition.values().length;

        long total(Endpoint endpoint) {
            long sum = 0;
            for (long count : counts[endpoint.ordinal()]) {
                sum += count;
            }
            return sum;
        }

        long of(Endpoint endpoint, BenchEdition edition) {
            return counts[endpoint.ordinal()][edition == null ? NOT_ATTRIBUTED : edition.ordinal()];
        }

        long total() {
            long sum = 0;
            for (Endpoint endpoint : Endpoint.values()) {
                sum += total(endpoint);
            }
            return sum;
        }

        /** The Webex calls attributed to the edition (null: not attributable). */
        long webex(BenchEdition edition) {
            long sum = 0;
            for (Endpoint endpoint : Endpoint.values()) {
                sum += endpoint.webex ? of(endpoint, edition) : 0;
            }
            return sum;
        }

        Calls minus(Calls before) {
            long[][] difference = new long[counts.length][];
            for (int i = 0; i < counts.length; i++) {
                difference[i] = new long[counts[i].length];
                for (int j = 0; j < counts[i].length; j++) {
                    difference[i][j] = counts[i][j] - before.counts[i][j];
                }
            }
            return new Calls(difference);
        }

        Map<Endpoint, Long> totals() {
            Map<Endpoint, Long> totals = new EnumMap<>(Endpoint.class);
            for (Endpoint endpoint : Endpoint.values()) {
                totals.put(endpoint, total(endpoint));
            }
            return totals;
        }
    }

    /** The result the connector posted for an event it had answered 202. */
    record PostedResult(boolean success, String errorCode, String message) {
    }

    private record Answer(ResponseDefinition response, BenchEdition edition) {
    }

    /** A subscriber Webex holds, with the extension it took at its location (null for meetings). */
    private record Held(String customerId, String packageName, String locationId, String extension) {
    }

    private static final Pattern TOKEN = Pattern.compile("^([oc])-(\\d+)-(\\d+)(?:-([a-z]))?$");
    private static final Pattern BODY_EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_CUSTOMER_ID = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BODY_PACKAGE = Pattern.compile("\"packages\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
    private static final Pattern BODY_EXTENSION = Pattern.compile("\"extension\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern BODY_LOCATION_ID = Pattern.compile("\"locationId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern BODY_EXTENSIONS = Pattern.compile("\"extensions\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern BODY_SUCCESS = Pattern.compile("\"success\"\\s*:\\s*true");
    private static final Pattern BODY_ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern BODY_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WEBEX_ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{2,10}");
    private static final String VALIDATE_EXTENSIONS_PREFIX = "/v1/telephony/config/locations/";
    private static final String VALIDATE_EXTENSIONS_SUFFIX = "/actions/validateExtensions/invoke";

    private final LongAdder[][] calls = new LongAdder[Endpoint.values().length][Calls.NOT_ATTRIBUTED + 1];
    /** Answers that were not 2xx, by endpoint, status and Webex error code. */
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    /** When each event's result POST arrived (System.nanoTime), by token. */
    final Map<String, Long> resultArrivals = new ConcurrentHashMap<>();
    private final Map<String, PostedResult> results = new ConcurrentHashMap<>();
    /** How many times each event's result was posted, by token. */
    private final Map<String, LongAdder> resultPosts = new ConcurrentHashMap<>();
    /** How long AppDirect takes to answer a result POST (0: at once). */
    private volatile int resultLatencyMillis;
    /** When each company's customer was created (System.nanoTime), by company uuid. */
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
    /** The edition of the one order of each new company, which is what its customer calls serve. */
    private final Map<String, BenchEdition> newCompanyEditions = new ConcurrentHashMap<>();
    /** The edition of the calling order each organization serves now, as its last calling precheck said. */
    private final Map<String, BenchEdition> callingOrderAt = new ConcurrentHashMap<>();
    /** The extensions taken at each location. */
    private final Map<String, Set<String>> taken = new ConcurrentHashMap<>();
    /** The subscribers Webex holds, by email. */
    private final Map<String, Held> subscribers = new ConcurrentHashMap<>();
    /** The people Webex holds (their organization), by email. */
    private final Map<String, String> people = new ConcurrentHashMap<>();
    private final AtomicLong trackingIds = new AtomicLong();
    private final CustomerMode mode;
    private final long provisioningNanos;
    private final int pretakenExtensions;
    private final String order = resource("appdirect/order.json");
    private final String cancel = resource("appdirect/cancel.json");
    private final String customer = resource("webex/customer.json");
    private final String subscriber = resource("webex/subscriber.json");
    final WireMockServer appDirect;
    final WireMockServer webex;

    BenchUpstreams(CustomerMode mode, long provisioningMillis, int containerThreads) {
        this(mode, provisioningMillis, containerThreads, 0, 0);
    }

    /**
     * @param provisioningMillis how long a new customer reads "provisioning" after its creation
     * @param webexLatencyMillis how long each Webex answer takes, as over a real network (0: at once)
     * @param pretakenExtensions extensions taken at every location from the bottom of the range, outside the connector
     */
    BenchUpstreams(CustomerMode mode, long provisioningMillis, int containerThreads, int webexLatencyMillis,
                   int pretakenExtensions) {
        this.mode = mode;
        this.provisioningNanos = TimeUnit.MILLISECONDS.toNanos(provisioningMillis);
        this.pretakenExtensions = pretakenExtensions;
        for (LongAdder[] row : calls) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new LongAdder();
            }
        }
        appDirect = server(containerThreads, this::appDirectAnswer, 0);
        webex = server(containerThreads, this::webexAnswer, webexLatencyMillis);
    }

    private WireMockServer server(int containerThreads, BiFunction<Endpoint, Request, Answer> answer, int latencyMillis) {
        ResponseDefinitionTransformerV2 render = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                Request request = event.getRequest();
                Endpoint endpoint = classify(request);
                Answer answered = answer.apply(endpoint, request);
                count(endpoint, answered);
                return latencyMillis == 0 ? answered.response()
                        : ResponseDefinitionBuilder.like(answered.response()).withFixedDelay(latencyMillis).build();
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
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(containerThreads).disableRequestJournal().stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false).extensions(render));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers("bench-render")));
        return server;
    }

    private void count(Endpoint endpoint, Answer answer) {
        calls[endpoint.ordinal()][answer.edition() == null ? Calls.NOT_ATTRIBUTED : answer.edition().ordinal()].increment();
        int status = answer.response().getStatus();
        if (status >= 300) {
            String body = answer.response().getBody();
            Matcher code = body == null ? null : WEBEX_ERROR_CODE.matcher(body);
            refusals.computeIfAbsent(endpoint.label + ": HTTP " + status + (code != null && code.find() ? " (error " + code.group(1) + ")" : ""),
                    key -> new LongAdder()).increment();
        }
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
                Map.entry("EXTENSION_FROM", String.valueOf(EXTENSION_FROM)),
                Map.entry("EXTENSION_TO", String.valueOf(EXTENSION_TO)),
                Map.entry("PORT", "0"),
                Map.entry("DATA_DIR", dataDir));
    }

    /** The calls counted so far, per endpoint and edition. */
    Calls calls() {
        long[][] counts = new long[calls.length][];
        for (int i = 0; i < calls.length; i++) {
            counts[i] = new long[calls[i].length];
            for (int j = 0; j < calls[i].length; j++) {
                counts[i][j] = calls[i][j].sum();
            }
        }
        return new Calls(counts);
    }

    /** The calls counted so far, per endpoint. */
    Map<Endpoint, Long> snapshot() {
        return calls().totals();
    }

    /** The answers that were not 2xx so far, by endpoint, status and error code. */
    Map<String, Long> refusals() {
        Map<String, Long> now = new TreeMap<>();
        refusals.forEach((key, count) -> now.put(key, count.sum()));
        return now;
    }

    /** The result the connector posted for the event, if it did. */
    Optional<PostedResult> result(String token) {
        return Optional.ofNullable(results.get(token));
    }

    /** AppDirect answers each later result POST after {@code millis}, as when it is slow. */
    void slowResultPosts(int millis) {
        resultLatencyMillis = millis;
    }

    /** How many times the event's result was posted so far. */
    long resultPosts(String token) {
        LongAdder posts = resultPosts.get(token);
        return posts == null ? 0 : posts.sum();
    }

    /** The result the connector posts for the event, once it did or {@code patience} ran out (then empty). */
    Optional<PostedResult> awaitResult(String token, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!results.containsKey(token) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return result(token);
    }

    /** How many extensions are taken at all locations together (the pre-taken ones included). */
    long extensionsTaken() {
        return taken.values().stream().mapToLong(Set::size).sum();
    }

    static String company(long index) {
        return index == 0 ? COMPANY : String.format("c1a5d0f2-77e4-4a5b-9b8e-%012d", index);
    }

    static long companyIndex(String company) {
        return company.equals(COMPANY) ? 0 : Long.parseLong(company.substring(company.length() - 12));
    }

    static String customerId(String company) {
        return company.equals(COMPANY) ? CUSTOMER_ID : "CUST-" + company.substring(company.length() - 12);
    }

    static String companyOfCustomer(String customerId) {
        return customerId.equals(CUSTOMER_ID) ? COMPANY : "c1a5d0f2-77e4-4a5b-9b8e-" + customerId.substring("CUST-".length());
    }

    static String orgId(String company) {
        return company.equals(COMPANY) ? "ORG1" : "ORG-" + company.substring(company.length() - 12);
    }

    static String locationId(String orgId) {
        return "LOC-" + orgId;
    }

    static String email(long n, BenchEdition edition) {
        return "u" + n + "-" + edition.label + "@contoso.test";
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
            case "GET /v1/locations": return Endpoint.LOCATIONS;
            case "GET /v1/people": return Endpoint.PEOPLE_LOOKUP;
            default: break;
        }
        if (method.equals("POST") && path.startsWith(VALIDATE_EXTENSIONS_PREFIX) && path.endsWith(VALIDATE_EXTENSIONS_SUFFIX)) {
            return Endpoint.VALIDATE_EXTENSIONS;
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

    private Answer appDirectAnswer(Endpoint endpoint, Request request) {
        String path = request.getUrl();
        switch (endpoint) {
            case APPDIRECT_TOKEN:
                return new Answer(json(200, "{\"access_token\":\"appdirect-token-1\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"ROLE_APPLICATION\"}"), null);
            case RESULT_POST: {
                String[] parts = path.split("/");
                String token = parts[parts.length - 2];
                resultArrivals.putIfAbsent(token, System.nanoTime());
                resultPosts.computeIfAbsent(token, key -> new LongAdder()).increment();
                String body = request.getBodyAsString();
                Matcher code = BODY_ERROR_CODE.matcher(body);
                Matcher message = BODY_MESSAGE.matcher(body);
                results.putIfAbsent(token, new PostedResult(BODY_SUCCESS.matcher(body).find(), code.find() ? code.group(1) : null,
                        message.find() ? message.group(1) : ""));
                Matcher parsed = TOKEN.matcher(token);
                return new Answer(aResponse().withStatus(200).withFixedDelay(resultLatencyMillis).build(),
                        parsed.matches() ? BenchEdition.ofLetter(parsed.group(4)) : null);
            }
            case EVENT_FETCH: {
                Matcher token = TOKEN.matcher(path.substring(path.lastIndexOf('/') + 1));
                if (!token.matches()) {
                    return new Answer(aResponse().withStatus(404).build(), null);
                }
                long index = Long.parseLong(token.group(2));
                String company = company(index);
                BenchEdition edition = BenchEdition.ofLetter(token.group(4));
                if (index >= NEW_COMPANY_BASE) {
                    newCompanyEditions.putIfAbsent(company, edition);
                }
                String email = email(Long.parseLong(token.group(3)), edition);
                String template = token.group(1).equals("o") ? order : cancel;
                return new Answer(json(200, fill(template, Map.of("baseUrl", appDirectBase(), "flag", "null", "email", email,
                        "company", company, "edition", edition.code, "account", company + ":" + email))), edition);
            }
            default:
                return new Answer(aResponse().withStatus(404).build(), null);
        }
    }

    private Answer webexAnswer(Endpoint endpoint, Request request) {
        String path = request.getUrl();
        switch (endpoint) {
            case CUSTOMER_LOOKUP: {
                String company = request.queryParameter("externalId").firstValue();
                String status = customerStatus(company);
                return new Answer(json(200, status == null ? "{\"items\":[]}" : "{\"items\":[" + customer(company, status) + "]}"),
                        newCompanyEditions.get(company));
            }
            case CUSTOMER_CREATE: {
                Matcher externalId = BODY_EXTERNAL_ID.matcher(request.getBodyAsString());
                String company = externalId.find() ? externalId.group(1) : COMPANY;
                createdAt.putIfAbsent(company, System.nanoTime());
                String location = webex.baseUrl() + "/v1/wholesale/customers/" + customerId(company);
                return new Answer(aResponse().withStatus(202).withHeader("Location", location)
                        .withHeader("Content-Type", "application/json").withBody("{\"url\":\"" + location + "\"}").build(),
                        newCompanyEditions.get(company));
            }
            case CUSTOMER_GET: {
                String company = companyOfCustomer(path.substring(path.lastIndexOf('/') + 1));
                String status = customerStatus(company);
                return new Answer(status == null ? json(404, "{\"message\":\"not found\"}") : json(200, customer(company, status)),
                        newCompanyEditions.get(company));
            }
            case PRECHECK: {
                String body = request.getBodyAsString();
                BenchEdition edition = BenchEdition.ofEmail(group(BODY_EMAIL, body));
                String customerId = group(BODY_CUSTOMER_ID, body);
                if (customerId != null && BenchEdition.callingPackage(group(BODY_PACKAGE, body)) && edition != null) {
                    callingOrderAt.put(orgId(companyOfCustomer(customerId)), edition);
                }
                return new Answer(json(200, "{\"message\":\"success\",\"info\":[{\"infoCode\":100,\"description\":\"Provisioning precheck validation successful.\"}]}"), edition);
            }
            case LOCATIONS: {
                String orgId = request.queryParameter("orgId").firstValue();
                return new Answer(json(200, "{\"items\":[{\"id\":\"" + locationId(orgId) + "\",\"name\":\"Contoso Ltd\",\"orgId\":\"" + orgId
                        + "\",\"timeZone\":\"America/Los_Angeles\",\"preferredLanguage\":\"en_us\",\"address\":{\"address1\":\"771 Alder Drive\","
                        + "\"city\":\"Milpitas\",\"state\":\"CA\",\"postalCode\":\"95035\",\"country\":\"US\"}}]}"), callingOrderAt.get(orgId));
            }
            case VALIDATE_EXTENSIONS:
                return validateExtensions(request, path);
            case SUBSCRIBER_CREATE:
                return createSubscriber(request.getBodyAsString());
            case SUBSCRIBER_FIND: {
                String email = request.queryParameter("email").firstValue();
                QueryParameter customerId = request.queryParameter("customerId");
                Held held = subscribers.get(email);
                boolean found = held != null && (!customerId.isPresent() || customerId.firstValue().equals(held.customerId()));
                return new Answer(json(200, found ? "{\"items\":[" + subscriber(email, held.customerId(), held.packageName()) + "]}"
                        : "{\"items\":[]}"), BenchEdition.ofEmail(email));
            }
            case SUBSCRIBER_DELETE: {
                String local = path.substring(path.lastIndexOf('/') + 1 + "SUB-".length());
                Held held = subscribers.remove(local + "@contoso.test");
                if (held != null && held.extension() != null) {
                    takenAt(held.locationId()).remove(held.extension());
                }
                return new Answer(held == null ? webexError(404, "Subscriber not found", null, "Subscriber not found")
                        : aResponse().withStatus(204).build(), BenchEdition.ofEmail(local));
            }
            case PEOPLE_LOOKUP: {
                String email = request.queryParameter("email").firstValue();
                QueryParameter orgId = request.queryParameter("orgId");
                String org = people.get(email);
                boolean found = org != null && (!orgId.isPresent() || orgId.firstValue().equals(org));
                return new Answer(json(200, found ? "{\"items\":[{\"id\":\"PERSON-" + email.substring(0, email.indexOf('@'))
                        + "\",\"emails\":[\"" + email + "\"],\"orgId\":\"" + org + "\"}]}" : "{\"items\":[]}"), BenchEdition.ofEmail(email));
            }
            case PERSON_DELETE: {
                String local = path.substring(path.lastIndexOf('/') + 1 + "PERSON-".length());
                boolean removed = people.remove(local + "@contoso.test") != null;
                return new Answer(removed ? aResponse().withStatus(204).build() : webexError(404, "Person not found", null, "Person not found"),
                        BenchEdition.ofEmail(local));
            }
            default:
                return new Answer(aResponse().withStatus(404).build(), null);
        }
    }

    /** As Webex: OK when every candidate is free, else each one's state, with the error code of those that are not valid. */
    private Answer validateExtensions(Request request, String path) {
        String locationId = path.substring(VALIDATE_EXTENSIONS_PREFIX.length(), path.indexOf(VALIDATE_EXTENSIONS_SUFFIX));
        QueryParameter orgId = request.queryParameter("orgId");
        BenchEdition edition = orgId.isPresent() ? callingOrderAt.get(orgId.firstValue()) : null;
        if (!orgId.isPresent() || !locationId.equals(locationId(orgId.firstValue()))) {
            return new Answer(webexError(404, "Location not found", null, "Location not found in the organization"), edition);
        }
        Matcher list = BODY_EXTENSIONS.matcher(request.getBodyAsString());
        if (!list.find()) {
            return new Answer(webexError(400, "extensions is required", null, "extensions is required"), edition);
        }
        Set<String> held = takenAt(locationId);
        Set<String> seen = new HashSet<>();
        StringBuilder states = new StringBuilder();
        boolean allValid = true;
        Matcher extensions = QUOTED.matcher(list.group(1));
        while (extensions.find()) {
            String extension = extensions.group(1);
            String state;
            if (!DIGITS.matcher(extension).matches()) {
                state = "\"state\":\"INVALID\",\"errorCode\":4910,\"message\":\"[Error 4910] Extension must be 2 to 10 digits.\"";
            } else if (!seen.add(extension)) {
                state = "\"state\":\"DUPLICATE_IN_LIST\",\"errorCode\":9498,\"message\":\"[Error 9498] Extension is repeated in the list.\"";
            } else if (held.contains(extension)) {
                state = "\"state\":\"DUPLICATE\",\"errorCode\":9495,\"message\":\"[Error 9495] Extension already in use.\"";
            } else {
                state = "\"state\":\"VALID\"";
            }
            allValid &= state.equals("\"state\":\"VALID\"");
            states.append(states.length() == 0 ? "" : ",").append("{\"extension\":\"").append(extension).append("\",").append(state).append('}');
        }
        return new Answer(json(200, allValid ? "{\"status\":\"OK\"}" : "{\"status\":\"ERRORS\",\"extensionStatus\":[" + states + "]}"), edition);
    }

    /** A calling package needs a location of the customer's organization and a free extension there, which it takes. */
    private Answer createSubscriber(String body) {
        String email = group(BODY_EMAIL, body);
        String customerId = group(BODY_CUSTOMER_ID, body);
        String packageName = group(BODY_PACKAGE, body);
        BenchEdition edition = BenchEdition.ofEmail(email);
        if (email == null || customerId == null || packageName == null) {
            return new Answer(webexError(400, "email, customerId and packages are required", null,
                    "email, customerId and packages are required"), edition);
        }
        String orgId = orgId(companyOfCustomer(customerId));
        String locationId = null;
        String extension = null;
        if (BenchEdition.callingPackage(packageName)) {
            locationId = group(BODY_LOCATION_ID, body);
            extension = group(BODY_EXTENSION, body);
            if (locationId == null || extension == null) {
                return new Answer(webexError(400, "A calling package needs provisioningParameters.locationId and an extension", null,
                        "A calling package needs provisioningParameters.locationId and an extension"), edition);
            }
            if (!locationId.equals(locationId(orgId))) {
                return new Answer(webexError(400, "Location not found in the organization", null,
                        "Location " + locationId + " not found in the organization"), edition);
            }
            if (!DIGITS.matcher(extension).matches()) {
                return new Answer(webexError(400, "Invalid extension", 4910, "[Error 4910] Extension must be 2 to 10 digits."), edition);
            }
            if (!takenAt(locationId).add(extension)) {
                return new Answer(webexError(409, "Extension already in use", 9495, "[Error 9495] Extension already in use."), edition);
            }
        }
        subscribers.put(email, new Held(customerId, packageName, locationId, extension));
        people.put(email, orgId);
        return new Answer(json(200, subscriber(email, customerId, packageName)), edition);
    }

    private Set<String> takenAt(String locationId) {
        return taken.computeIfAbsent(locationId, location -> {
            Set<String> extensions = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < pretakenExtensions; i++) {
                extensions.add(String.valueOf(EXTENSION_FROM + i));
            }
            return extensions;
        });
    }

    /** null while the company has no customer at Webex. */
    private String customerStatus(String company) {
        if (mode == CustomerMode.PROVISIONED && companyIndex(company) < NEW_COMPANY_BASE) {
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
                "orgId", status.equals("provisioned") ? "\"orgId\": \"" + orgId(company) + "\"," : ""));
    }

    private String subscriber(String email, String customerId, String packageName) {
        String local = email.substring(0, email.indexOf('@'));
        return fill(subscriber, Map.of("subscriberId", "SUB-" + local, "personId", "PERSON-" + local, "email", email,
                "customerId", customerId, "company", companyOfCustomer(customerId), "package", packageName));
    }

    private ResponseDefinition webexError(int status, String message, Integer errorCode, String description) {
        return json(status, "{\"message\":\"" + message + "\",\"errors\":[{" + (errorCode == null ? "" : "\"errorCode\":" + errorCode + ",")
                + "\"description\":\"" + description + "\"}],\"trackingId\":\"ROUTERGW_bench-" + trackingIds.incrementAndGet() + "\"}");
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
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
