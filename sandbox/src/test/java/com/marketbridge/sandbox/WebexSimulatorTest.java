package com.marketbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated Webex over HTTP: the contract's shapes, provisioning on its schedule, and the faults it is told. */
class WebexSimulatorTest {

    private static final String TOKEN = "webex-token";
    private static final String NEW_CUSTOMER = """
            {"provisioningId":"template","packages":["webex_calling","webex_meetings"],"externalId":"company-1",
             "address":{"addressLine1":"771 Alder Drive","city":"Milpitas","zipOrPostalCode":"95035","country":"US"},
             "customerInfo":{"name":"Contoso","primaryEmail":"it@contoso.example"},
             "provisioningParameters":{"calling":{"location":{"name":"Main Office","timezone":"America/Los_Angeles",
               "language":"en_us","address":{"addressLine1":"771 Alder Drive","city":"Milpitas","country":"US"}}}}}""";

    /** The schedule's work, run when the test says: time passes only when it does. */
    private final List<Runnable> later = new ArrayList<>();
    private final WebexSimulator webex = WebexSimulator.start(TOKEN, (delay, work) -> later.add(work), Duration.ofSeconds(3));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        webex.close();
    }

    @Test
    void aNewCustomerIsProvisioningUntilItsTimeComes_thenProvisionedWithAnOrganizationAndItsCallingLocation() throws Exception {
        HttpResponse<String> created = call("POST", "/wholesale/customers", NEW_CUSTOMER, TOKEN);
        String url = Json.parse(created.body()).path("url").asText();
        String id = url.substring(url.lastIndexOf('/') + 1);

        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(created.headers().firstValue("Location")).contains(url);
        assertThat(json("GET", "/wholesale/customers/" + id, null).path("status").asText()).isEqualTo("provisioning");
        assertThat(json("GET", "/wholesale/customers/" + id, null).has("orgId")).isFalse();
        assertThat(later).hasSize(1);

        later.get(0).run();

        JsonNode customer = json("GET", "/wholesale/customers?externalId=company-1", null).path("items").get(0);
        assertThat(customer.path("status").asText()).isEqualTo("provisioned");
        JsonNode location = json("GET", "/locations?orgId=" + customer.path("orgId").asText(), null).path("items").get(0);
        assertThat(location.path("name").asText()).isEqualTo("Main Office");
        assertThat(location.path("address").path("address1").asText()).isEqualTo("771 Alder Drive");
        assertThat(call("POST", "/wholesale/customers", NEW_CUSTOMER, TOKEN).statusCode()).isEqualTo(409);
    }

    @Test
    void aCallingSubscriberTakesItsExtension_whichValidateExtensionsThenReportsAsDuplicate() throws Exception {
        String[] at = provisionedCustomer();

        JsonNode subscriber = json("POST", "/wholesale/subscribers", subscriber("bob@contoso.example", at, "2000"));
        JsonNode verdict = json("POST", "/telephony/config/locations/" + at[2] + "/actions/validateExtensions/invoke?orgId=" + at[1],
                "{\"extensions\":[\"2000\",\"2001\"]}");

        assertThat(subscriber.path("packages").get(0).asText()).isEqualTo("webex_calling");
        assertThat(subscriber.path("status").asText()).isEqualTo("provisioned");
        assertThat(verdict.path("status").asText()).isEqualTo("ERRORS");
        assertThat(verdict.path("extensionStatus").get(0).path("state").asText()).isEqualTo("DUPLICATE");
        assertThat(verdict.path("extensionStatus").get(1).path("state").asText()).isEqualTo("VALID");
        HttpResponse<String> again = call("POST", "/wholesale/subscribers", subscriber("carol@contoso.example", at, "2000"), TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.parse(again.body()).path("errors").get(0).path("errorCode").asInt()).isEqualTo(9495);
    }

    @Test
    void toldToBeUnavailable_itAnswers503ForThatManyCalls_thenServesAgain() throws Exception {
        HttpResponse<String> told = control("POST", "{\"unavailable\":1}");

        HttpResponse<String> unavailable = call("GET", "/wholesale/customers?externalId=x", null, TOKEN);
        HttpResponse<String> served = call("GET", "/wholesale/customers?externalId=x", null, TOKEN);

        assertThat(told.statusCode()).isEqualTo(200);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(Json.parse(unavailable.body()).path("trackingId").asText()).startsWith("ROUTERGW_sandbox-");
        assertThat(served.statusCode()).isEqualTo(200);
    }

    @Test
    void toldAnExtensionIsTakenOrASubscriberRefused_itSaysSo_untilTheFaultsAreCleared() throws Exception {
        String[] at = provisionedCustomer();
        control("POST", "{\"extensionTaken\":\"2000\",\"refuseSubscriber\":\"erin@contoso.example\"}");

        JsonNode verdict = json("POST", "/telephony/config/locations/" + at[2] + "/actions/validateExtensions/invoke",
                "{\"extensions\":[\"2000\"]}");
        HttpResponse<String> refused = call("POST", "/wholesale/subscribers", subscriber("erin@contoso.example", at, "2001"), TOKEN);

        assertThat(verdict.path("extensionStatus").get(0).path("state").asText()).isEqualTo("DUPLICATE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.parse(refused.body()).path("trackingId").asText()).startsWith("ROUTERGW_sandbox-");
        control("DELETE", null);
        assertThat(call("POST", "/wholesale/subscribers", subscriber("erin@contoso.example", at, "2000"), TOKEN).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFaultItDoesNotKnowIsAClearJsonError() throws Exception {
        HttpResponse<String> answer = control("POST", "{\"slow\":true}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Json.parse(answer.body()).path("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(Json.parse(answer.body()).path("message").asText()).contains("unknown fault 'slow'");
    }

    @Test
    void withoutItsTokenEveryCallIs401() throws Exception {
        HttpResponse<String> answer = call("GET", "/wholesale/customers?externalId=x", null, "another-token");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Json.parse(answer.body()).path("message").asText()).contains("valid access token");
    }

    /** A provisioned customer: its id, its organization's id, its location's id. */
    private String[] provisionedCustomer() throws Exception {
        call("POST", "/wholesale/customers", NEW_CUSTOMER, TOKEN);
        later.forEach(Runnable::run);
        JsonNode customer = json("GET", "/wholesale/customers?externalId=company-1", null).path("items").get(0);
        String orgId = customer.path("orgId").asText();
        return new String[] {customer.path("id").asText(), orgId,
                json("GET", "/locations?orgId=" + orgId, null).path("items").get(0).path("id").asText()};
    }

    private static String subscriber(String email, String[] at, String extension) {
        return "{\"customerId\":\"" + at[0] + "\",\"email\":\"" + email + "\",\"packages\":[\"webex_calling\"],"
                + "\"provisioningParameters\":{\"firstName\":\"B\",\"lastName\":\"C\",\"extension\":\"" + extension
                + "\",\"locationId\":\"" + at[2] + "\"}}";
    }

    private JsonNode json(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = call(method, path, body, TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.parse(answer.body());
    }

    private HttpResponse<String> control(String method, String body) throws Exception {
        return send(method, webex.baseUrl() + "/sandbox/webex/faults", body, null);
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        return send(method, webex.apiUrl() + path, body, token);
    }

    private HttpResponse<String> send(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
