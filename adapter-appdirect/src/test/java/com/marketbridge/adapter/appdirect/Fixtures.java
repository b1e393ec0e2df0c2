package com.marketbridge.adapter.appdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import feign.Client;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.event.EventUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Shared test values: credentials that must never leak, a WireMock AppDirect on 127.0.0.1, the contract's events. */
final class Fixtures {

    static final String CLIENT_ID = "connector-client";
    static final String CLIENT_SECRET = "client-S3cret-value";
    static final String BASIC_USERNAME = "appdirect-notifier";
    static final String BASIC_PASSWORD = "basic-S3cret-password";
    static final String CONSUMER_KEY = "acme-12345";
    static final String CONSUMER_SECRET = "consumer-S3cret-value";
    static final String EVENT_TOKEN = "7d0c6f6e-2a51-4d7e-9a55-0b8f3c2a9e11";
    static final String EVENT_PATH = "/api/integration/v1/events/" + EVENT_TOKEN;
    static final String RESULT_PATH = EVENT_PATH + "/result";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, BASIC_PASSWORD, CONSUMER_SECRET, "test-token-1", "test-token-2");

    private Fixtures() {
    }

    static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    /** The stub's origin by the address it listens on (its own baseUrl() says localhost). */
    static String origin(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** The adapter over Feign's plain HTTP client (HttpURLConnection), as the connector would wire it but without its bounds. */
    static AppDirect connect(AppDirectSettings settings) {
        return AppDirect.connect(settings, new Client.Default(null, null));
    }

    /** Basic notifications and OAuth 2.0 calls, with this class's credentials. */
    static AppDirectSettings basic(URI marketplace) {
        return AppDirectSettings.basic(marketplace, CLIENT_ID, new Secret(CLIENT_SECRET), BASIC_USERNAME, new Secret(BASIC_PASSWORD));
    }

    /** OAuth 1.0a both ways, with this class's consumer key and secret. */
    static AppDirectSettings oauth1(URI marketplace) {
        return AppDirectSettings.oauth1(marketplace, CONSUMER_KEY, new Secret(CONSUMER_SECRET));
    }

    static AppDirectSettings basicSettings(WireMockServer appDirect, Clock clock, Duration readTimeout) {
        return basic(URI.create(origin(appDirect))).withTimeouts(Duration.ofSeconds(2), readTimeout).withClock(clock);
    }

    static AppDirectSettings oauth1Settings(WireMockServer appDirect, Clock clock) {
        return oauth1(URI.create(origin(appDirect))).withClock(clock);
    }

    static EventUrl eventUrl(WireMockServer server, String token) {
        return EventUrl.parse(origin(server) + "/api/integration/v1/events/" + token);
    }

    /** Token requests answered in turn with {@code tokens}, each only if sent as the contract wants it (§1.4). */
    static void stubTokens(WireMockServer appDirect, long expiresIn, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            appDirect.stubFor(post(urlEqualTo("/oauth2/token"))
                    .inScenario("tokens").whenScenarioStateIs(i == 0 ? STARTED : "issued-" + i).willSetStateTo("issued-" + (i + 1))
                    .withHeader("Authorization", equalTo("Basic " + base64(CLIENT_ID + ":" + CLIENT_SECRET)))
                    .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("scope=ROLE_APPLICATION"))
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"token_type\":\"bearer\",\"expires_in\":"
                            + expiresIn + ",\"scope\":\"ROLE_APPLICATION\"}")));
        }
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource events/" + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(UTF_8));
    }

    /** Fails if the text, or the message of any cause of a throwable, contains one of the test secrets. */
    static void assertNoSecret(Object textOrThrowable) {
        for (Object current = textOrThrowable; current != null;
             current = current instanceof Throwable t ? t.getCause() : null) {
            String text = current instanceof Throwable t ? String.valueOf(t.getMessage()) : String.valueOf(current);
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
