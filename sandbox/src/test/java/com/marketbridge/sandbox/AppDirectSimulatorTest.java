package com.marketbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated AppDirect over HTTP: its token, the events it publishes, the results it takes. */
class AppDirectSimulatorTest {

    private static final String COMPANY = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";

    private final AppDirectSimulator appDirect = AppDirectSimulator.start(COMPANY, "Contoso Sandbox");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        appDirect.close();
    }

    @Test
    void anEventPublishedThroughTheControlEndpoint_isServedAtItsUrlWithTheTokenGranted_andTakesItsResult() throws Exception {
        JsonNode published = Json.parse(send("POST", "/sandbox/appdirect/events",
                "{\"email\":\"dave@contoso.example\",\"edition\":\"webex_calling\"}", null).body());
        String bearer = bearer();
        String path = URI.create(published.path("eventUrl").asText()).getPath();

        JsonNode event = Json.parse(send("GET", path, null, bearer).body());
        HttpResponse<String> result = send("POST", path + "/result", "{\"success\":true,\"accountIdentifier\":\"a\"}", bearer);

        assertThat(event.path("type").asText()).isEqualTo("SUBSCRIPTION_ORDER");
        assertThat(event.path("marketplace").path("baseUrl").asText()).isEqualTo(appDirect.baseUrl());
        assertThat(event.path("creator").path("email").asText()).isEqualTo("dave@contoso.example");
        assertThat(event.path("payload").path("company").path("uuid").asText()).isEqualTo(COMPANY);
        assertThat(event.path("payload").path("order").path("editionCode").asText()).isEqualTo("webex_calling");
        assertThat(result.statusCode()).isEqualTo(200);
        JsonNode listed = Json.parse(send("GET", "/sandbox/appdirect/events", null, null).body()).path("events").get(0);
        assertThat(listed.path("result").path("accountIdentifier").asText()).isEqualTo("a");
    }

    @Test
    void aCancelNamesTheAccountOfTheCompanyAndTheEmail() throws Exception {
        AppDirectSimulator.Published published = appDirect.publish(EventRequest.read(
                Json.parse("{\"type\":\"subscription_cancel\",\"email\":\"dave@contoso.example\"}"), COMPANY, "Contoso"));

        assertThat(published.event().path("payload").path("account").path("accountIdentifier").asText())
                .isEqualTo(COMPANY + ":dave@contoso.example");
        assertThat(published.event().path("payload").path("order").isNull()).isTrue();
    }

    @Test
    void withoutTheGrantedTokenAnEventIs401_andAnUnknownEvent404() throws Exception {
        String path = URI.create(appDirect.publish(EventRequest.order(COMPANY, "Contoso", "dave@contoso.example",
                "webex_meetings")).eventUrl()).getPath();

        assertThat(send("GET", path, null, "Bearer guessed").statusCode()).isEqualTo(401);
        assertThat(send("GET", path + "x", null, bearer()).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/oauth2/token", "grant_type=client_credentials", "Basic d3Jvbmc6d3Jvbmc=").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anEventRequestItCannotMake_isAClearJsonError() throws Exception {
        HttpResponse<String> noEmail = send("POST", "/sandbox/appdirect/events", "{\"edition\":\"webex_calling\"}", null);
        HttpResponse<String> notJson = send("POST", "/sandbox/appdirect/events", "email=dave", null);
        HttpResponse<String> unknownField = send("POST", "/sandbox/appdirect/events",
                "{\"email\":\"dave@contoso.example\",\"edition\":\"webex_calling\",\"seats\":3}", null);
        HttpResponse<String> notConnected = send("POST", "/sandbox/appdirect/events?send=true",
                "{\"email\":\"dave@contoso.example\",\"edition\":\"webex_calling\"}", null);

        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(Json.parse(noEmail.body()).path("message").asText()).startsWith("email must be an email address");
        assertThat(Json.parse(notJson.body()).path("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(Json.parse(unknownField.body()).path("message").asText()).startsWith("unknown field 'seats'");
        assertThat(notConnected.statusCode()).isEqualTo(400);
        assertThat(Json.parse(notConnected.body()).path("message").asText()).contains("connector is not started");
    }

    /** The Authorization header of the connector's calls, with the token granted to its client credentials. */
    private String bearer() throws Exception {
        return "Bearer " + Json.parse(send("POST", "/oauth2/token", "grant_type=client_credentials&scope=ROLE_APPLICATION",
                "Basic " + Base64.getEncoder().encodeToString((AppDirectSimulator.CLIENT_ID + ":" + appDirect.clientSecret())
                        .getBytes(StandardCharsets.UTF_8))).body()).path("access_token").asText();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appDirect.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
