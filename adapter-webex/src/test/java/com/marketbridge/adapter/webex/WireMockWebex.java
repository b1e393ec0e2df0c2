package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.marketbridge.domain.credential.Secret;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URI;
import feign.Client;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock Webex on 127.0.0.1 and the adapter pointed at it, with retry waits shrunk to keep tests fast. */
abstract class WireMockWebex {

    static final String TOKEN = "static-test-token-123";
    static final WebexSettings.RetryPolicy FAST =
            new WebexSettings.RetryPolicy(4, Duration.ofSeconds(2), Duration.ofMillis(1));

    WireMockServer wm;
    WebexWholesale webex;

    @BeforeEach
    void startWebex() {
        wm = new WireMockServer(server());
        wm.start();
        webex = connect(settings());
    }

    @AfterEach
    void stopWebex() {
        wm.stop();
    }

    /** The adapter over Feign's plain HTTP client (HttpURLConnection), as the connector would wire it but without its bounds. */
    static WebexWholesale connect(WebexSettings settings) {
        return WebexWholesale.connect(settings, new Client.Default(null, null));
    }

    WireMockConfiguration server() {
        return options().bindAddress("127.0.0.1").dynamicPort();
    }

    /** This stub with the static {@link #TOKEN} and fast retries. */
    WebexSettings settings() {
        return WebexSettings.staticToken(URI.create(baseUrl()), new Secret(TOKEN)).withRetry(FAST);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + wm.port() + "/v1";
    }

    /** A {@code Link} header naming the next page at {@code pathAndQuery} under the base URL. */
    String nextLink(String pathAndQuery) {
        return "<" + baseUrl() + pathAndQuery + ">; rel=\"next\"";
    }

    /** Answers {@code request} with each response in turn; the last one repeats. */
    void stubInSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = UUID.randomUUID().toString();
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder step = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                step = step.willSetStateTo("step " + (i + 1));
            }
            wm.stubFor(step);
        }
    }

    static String json(String name) {
        try (InputStream in = WireMockWebex.class.getResourceAsStream("/webex/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource webex/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
