package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The connector's webhook, called as AppDirect calls it: {@code GET /subscription_receiver?eventUrl=…&eventType=…}, Basic. */
final class ConnectorWebhook {

    /** AppDirect waits 5 s for an answer; the connector answers within its response budget, 4.5 s at most. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectorWebhook(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The connector's answer to a notification: 200 with the event's result, or 202 when the result comes later. */
    record Answer(int status, JsonNode body) {
    }

    Answer notify(String eventUrl, String eventTypeHint) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/subscription_receiver?eventUrl="
                        + URLEncoder.encode(eventUrl, StandardCharsets.UTF_8) + "&eventType=" + eventTypeHint))
                .timeout(TIMEOUT).header("Authorization", authorization).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.parse(response.body()));
    }
}
