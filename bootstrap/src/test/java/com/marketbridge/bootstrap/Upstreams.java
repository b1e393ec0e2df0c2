package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * WireMock stand-ins for AppDirect and Webex on 127.0.0.1, answering with the shapes of the contracts
 * (bodies under src/test/resources), plus the settings that point a connector at them.
 */
final class Upstreams implements AutoCloseable {

    static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    static final String OTHER_COMPANY = "5e0c7a52-1b9d-4f3e-8c6a-2d7f9e1b3a40";
    static final String ALICE = "alice.admin@contoso.test";
    static final String BOB = "bob@contoso.test";
    static final String CUSTOMER_ID = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2M";
    static final String ORG_ID = "ORG1";
    static final String BASIC_USER = "appdirect";
    static final String BASIC_PASSWORD = "notification-password";
    /** The trackingId of every error Webex answers (webex/error.json). */
    static final String WEBEX_TRACKING_ID = "ROUTERGW_7c1f6a52-5a2e-4a9b-8a3a-0d2b9f1e6c11";
    /** One client for every look at /ready, which tests poll: a client each time would be a selector thread each. */
    private static final HttpClient READINESS_CLIENT = HttpClient.newHttpClient();
    /** How long a test waits for what the connector does in the background. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PRECHECK_PASSED =
            "{\"message\":\"success\",\"info\":[{\"infoCode\":100,\"description\":\"Provisioning precheck validation successful.\"}]}";

    final WireMockServer appDirect = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final WireMockServer webex = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** The connector's DATA_DIR: its journal lives here, and survives a restart of the connector. */
    final Path dataDir;

    Upstreams() {
        try {
            dataDir = Files.createTempDirectory("marketbridge-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appDirect.start();
        webex.start();
        appDirect.stubFor(post("/oauth2/token").willReturn(okJson(
                "{\"access_token\":\"appdirect-token-1\",\"token_type\":\"bearer\",\"expires_in\":43199,\"scope\":\"ROLE_APPLICATION\"}")));
    }

    /** The settings a partner would write, pointed at the stubs; the connector listens on a free port. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("BASE_URL_MARKETPLACE", appDirectBase());
        settings.put("OAUTH_CLIENT_ID", "client-id");
        settings.put("OAUTH_CLIENT_SECRET", "oauth-client-secret");
        settings.put("BASIC_USERNAME", BASIC_USER);
        settings.put("BASIC_PASSWORD", BASIC_PASSWORD);
        settings.put("WEBEX_BASE_URL", webex.baseUrl() + "/v1");
        settings.put("WEBEX_TOKEN", "webex-static-token");
        settings.put("PROVISIONING_ID", "UHJvdlRlbXBsYXRlLTAwMQ");
        settings.put("CUSTOMER_PACKAGES", "[\"webex_calling\", \"webex_meetings\", \"webex_suite\"]");
        settings.put("ADDRESS", "771 Alder Drive");
        settings.put("ZIP_CODE", "95035");
        settings.put("CITY", "Milpitas");
        settings.put("COUNTRY", "US");
        settings.put("STATE", "CA");
        settings.put("TIMEZONE", "America/Los_Angeles");
        settings.put("PORT", "0");
        settings.put("DATA_DIR", dataDir.toString());
        return settings;
    }

    /**
     * AppDirect's notification of {@code eventUrl} to a connector on {@code port}: {@code pathAndQuery} plus the
     * event URL parameter, with the given Basic {@code credentials} ({@code user:password}), or none when null.
     */
    static HttpRequest notification(int port, String pathAndQuery, String eventUrl, String credentials) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery + separator
                + "eventUrl=" + URLEncoder.encode(eventUrl, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(15));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.GET().build();
    }

    /** The same, with the credentials AppDirect is configured with. */
    static HttpRequest notification(int port, String pathAndQuery, String eventUrl) {
        return notification(port, pathAndQuery, eventUrl, BASIC_USER + ":" + BASIC_PASSWORD);
    }

    /** The status of the connector's {@code /ready}. */
    static int readiness(int port) throws IOException, InterruptedException {
        return READINESS_CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the connector answers {@code /ready} with 200. */
    static boolean isReady(int port) {
        try {
            return readiness(port) == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many times Webex was asked to create a customer. */
    int customerCreates() {
        return webex.findAll(postRequestedFor(urlEqualTo("/v1/wholesale/customers"))).size();
    }

    /** How many times Webex was asked to create a subscriber for {@code email}. */
    int subscriberCreates(String email) {
        return webex.findAll(postRequestedFor(urlEqualTo("/v1/wholesale/subscribers"))
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))).size();
    }

    /** How many times the result of the event was posted to AppDirect. */
    int resultPosts(String token) {
        return appDirect.findAll(postRequestedFor(urlEqualTo("/api/integration/v1/events/" + token + "/result"))).size();
    }

    /** Waits until the condition holds, failing the test after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    String appDirectBase() {
        return "http://127.0.0.1:" + appDirect.port();
    }

    /** Publishes an event at AppDirect and returns its event URL. */
    String publish(String token, String template, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("baseUrl", appDirectBase(), "flag", "null", "email", ALICE,
                "company", COMPANY, "edition", "webex_meetings", "account", COMPANY + ":" + ALICE));
        all.putAll(values);
        appDirect.stubFor(get("/api/integration/v1/events/" + token).willReturn(okJson(resource("appdirect/" + template, all))));
        return appDirectBase() + "/api/integration/v1/events/" + token;
    }

    /**
     * The company has no customer until one is created; it then reads as provisioning until the test calls
     * {@link #finishProvisioning()}.
     */
    void customerProvisionedWhenTheTestSays() {
        webex.stubFor(findCustomer().inScenario("customer").whenScenarioStateIs("Started").willReturn(okJson("{\"items\":[]}")));
        webex.stubFor(post("/v1/wholesale/customers").inScenario("customer").willSetStateTo("provisioning")
                .willReturn(aResponse().withStatus(202)
                        .withHeader("Location", webex.baseUrl() + "/v1/wholesale/customers/" + CUSTOMER_ID)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"url\":\"" + webex.baseUrl() + "/v1/wholesale/customers/" + CUSTOMER_ID + "\"}")));
        for (String status : new String[] {"provisioning", "provisioned"}) {
            webex.stubFor(findCustomer().inScenario("customer").whenScenarioStateIs(status)
                    .willReturn(okJson("{\"items\":[" + customer(status) + "]}")));
            webex.stubFor(get("/v1/wholesale/customers/" + CUSTOMER_ID).inScenario("customer").whenScenarioStateIs(status)
                    .willReturn(okJson(customer(status))));
        }
    }

    void finishProvisioning() {
        webex.setScenarioState("customer", "provisioned");
    }

    void resultsAccepted() {
        appDirect.stubFor(post(urlMatching("/api/integration/v1/events/[^/]+/result")).willReturn(aResponse().withStatus(200)));
    }

    void customerNotFound() {
        webex.stubFor(findCustomer().willReturn(okJson("{\"items\":[]}")));
    }

    void customerProvisioned() {
        customerProvisioned(COMPANY);
    }

    /** The company's customer is provisioned; every company's customer has the id {@link #CUSTOMER_ID}. */
    void customerProvisioned(String company) {
        webex.stubFor(findCustomer(company).willReturn(okJson("{\"items\":[" + customer("provisioned", company) + "]}")));
        webex.stubFor(get("/v1/wholesale/customers/" + CUSTOMER_ID).willReturn(okJson(customer("provisioned", company))));
    }

    /** Creating answers 202; the new customer reads as provisioning once, then provisioned. */
    void customerCreatedThenProvisioned() {
        webex.stubFor(post("/v1/wholesale/customers").willReturn(aResponse().withStatus(202)
                .withHeader("Location", webex.baseUrl() + "/v1/wholesale/customers/" + CUSTOMER_ID)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"url\":\"" + webex.baseUrl() + "/v1/wholesale/customers/" + CUSTOMER_ID + "\"}")));
        webex.stubFor(get("/v1/wholesale/customers/" + CUSTOMER_ID).inScenario("provisioning").whenScenarioStateIs("Started")
                .willReturn(okJson(customer("provisioning"))).willSetStateTo("provisioned"));
        webex.stubFor(get("/v1/wholesale/customers/" + CUSTOMER_ID).inScenario("provisioning").whenScenarioStateIs("provisioned")
                .willReturn(okJson(customer("provisioned"))));
    }

    void precheckSucceeds() {
        webex.stubFor(post("/v1/wholesale/subscribers/validate").willReturn(okJson(PRECHECK_PASSED)));
    }

    /** Webex keeps the subscriber it creates: from then on its precheck refuses the email, and it is found. */
    void subscriberCreatedOnce(String email, String webexPackage) {
        webex.stubFor(post("/v1/wholesale/subscribers/validate").inScenario("subscriber").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(PRECHECK_PASSED)));
        webex.stubFor(post("/v1/wholesale/subscribers").inScenario("subscriber").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created").willReturn(okJson(subscriber(email, webexPackage))));
        webex.stubFor(post("/v1/wholesale/subscribers/validate").inScenario("subscriber").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(webexError("User " + email + " already exists", 10022))));
        subscriberFound(email, webexPackage);
    }

    /** Webex's precheck refuses this user as one it has already (409, with {@link #WEBEX_TRACKING_ID}); others as stubbed. */
    void precheckRefusesAsExisting(String email, String message) {
        webex.stubFor(post("/v1/wholesale/subscribers/validate").withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(webexError(message, 10022))));
    }

    void subscriberCreated(String email, String webexPackage) {
        webex.stubFor(post("/v1/wholesale/subscribers").willReturn(okJson(subscriber(email, webexPackage))));
    }

    /** Creating this user's subscriber answers with it; other users' creations are left to other stubs. */
    void subscriberCreatedFor(String email, String webexPackage) {
        webex.stubFor(post("/v1/wholesale/subscribers").withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .willReturn(okJson(subscriber(email, webexPackage))));
    }

    /** Creating this user's subscriber makes it, but only half of the answer comes back; from then on it is found. */
    void subscriberCreatedButTheAnswerCutOff(String email, String webexPackage) {
        String created = subscriber(email, webexPackage);
        webex.stubFor(post("/v1/wholesale/subscribers").inScenario("cut off").willSetStateTo("created")
                .willReturn(okJson(created.substring(0, created.length() / 2))));
        webex.stubFor(findSubscriber(email).inScenario("cut off").whenScenarioStateIs("created")
                .willReturn(okJson("{\"items\":[" + created + "]}")));
    }

    void subscriberFound(String email, String webexPackage) {
        webex.stubFor(findSubscriber(email).willReturn(okJson("{\"items\":[" + subscriber(email, webexPackage) + "]}")));
    }

    void subscriberNotFound(String email) {
        webex.stubFor(findSubscriber(email).willReturn(okJson("{\"items\":[]}")));
    }

    void subscriberChangeable(String email, String webexPackage) {
        webex.stubFor(put("/v1/wholesale/subscribers/" + subscriberId(email)).willReturn(okJson(subscriber(email, webexPackage))));
    }

    void subscriberRemovable(String email) {
        webex.stubFor(delete("/v1/wholesale/subscribers/" + subscriberId(email)).willReturn(aResponse().withStatus(204)));
    }

    void personRemovable(String email) {
        webex.stubFor(get(urlPathEqualTo("/v1/people")).withQueryParam("email", equalTo(email))
                .willReturn(okJson("{\"items\":[{\"id\":\"" + personId(email) + "\",\"emails\":[\"" + email + "\"],\"orgId\":\"ORG1\"}]}")));
        webex.stubFor(delete("/v1/people/" + personId(email)).willReturn(aResponse().withStatus(204)));
    }

    void callingLocationWithExtensions() {
        webex.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson(resource("webex/locations.json", Map.of()))));
        webex.stubFor(post(urlPathEqualTo("/v1/telephony/config/locations/LOC1/actions/validateExtensions/invoke"))
                .willReturn(okJson(resource("webex/extensions.json", Map.of()))));
    }

    /** As {@link #callingLocationWithExtensions()}, but each extension given out is taken from then on: 2001, then 2002. */
    void callingLocationWithExtensionsTakenOneByOne() {
        webex.stubFor(get(urlPathEqualTo("/v1/locations")).willReturn(okJson(resource("webex/locations.json", Map.of()))));
        String validate = "/v1/telephony/config/locations/LOC1/actions/validateExtensions/invoke";
        webex.stubFor(post(urlPathEqualTo(validate)).inScenario("extensions").whenScenarioStateIs("Started")
                .willSetStateTo("2001 taken").willReturn(okJson(resource("webex/extensions.json", Map.of()))));
        webex.stubFor(post(urlPathEqualTo(validate)).inScenario("extensions").whenScenarioStateIs("2001 taken")
                .willReturn(okJson("{ \"status\": \"ERRORS\", \"extensionStatus\": ["
                        + " { \"extension\": \"2000\", \"state\": \"DUPLICATE\" },"
                        + " { \"extension\": \"2001\", \"state\": \"DUPLICATE\" },"
                        + " { \"extension\": \"2002\", \"state\": \"VALID\" } ] }")));
    }

    static String webexError(String message, int errorCode) {
        return resource("webex/error.json", Map.of("message", message, "errorCode", String.valueOf(errorCode)));
    }

    static MappingBuilder findCustomer() {
        return findCustomer(COMPANY);
    }

    static MappingBuilder findCustomer(String company) {
        return get(urlPathEqualTo("/v1/wholesale/customers")).withQueryParam("externalId", equalTo(company));
    }

    static MappingBuilder findSubscriber(String email) {
        return get(urlPathEqualTo("/v1/wholesale/subscribers")).withQueryParam("email", equalTo(email));
    }

    static String subscriberId(String email) {
        return "SUB-" + email.substring(0, email.indexOf('@'));
    }

    static String personId(String email) {
        return "PERSON-" + email.substring(0, email.indexOf('@'));
    }

    private static String customer(String status) {
        return customer(status, COMPANY);
    }

    private static String customer(String status, String company) {
        return resource("webex/customer.json", Map.of("customerId", CUSTOMER_ID, "company", company, "status", status,
                "orgId", status.equals("provisioned") ? "\"orgId\": \"" + ORG_ID + "\"," : ""));
    }

    private static String subscriber(String email, String webexPackage) {
        return resource("webex/subscriber.json", Map.of("subscriberId", subscriberId(email), "personId", personId(email),
                "email", email, "customerId", CUSTOMER_ID, "company", COMPANY, "package", webexPackage));
    }

    static String resource(String name, Map<String, String> values) {
        try (InputStream in = Upstreams.class.getClassLoader().getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        appDirect.stop();
        webex.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
