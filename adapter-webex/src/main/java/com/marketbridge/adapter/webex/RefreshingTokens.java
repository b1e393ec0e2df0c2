package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from an OAuth integration's refresh token: refreshed before they expire and after a 401.
 * Callers share one refresh (the methods are synchronized), and the refresh token Webex returns replaces
 * the old one in memory. The refresh goes through the adapter's HTTP client, so it is bounded as every Webex call
 * is: a token endpoint that trickles cannot hold the callers waiting on this lock past the call's deadline.
 */
final class RefreshingTokens implements AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokens.class);
    /** wxc_sdk's margin: a token with less left may expire in flight. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String CHECK_SETTINGS = ": check WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration readTimeout;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private long generation;

    RefreshingTokens(WebexSettings settings, WebexSettings.RefreshCredentials credentials, HttpClient http) {
        this.http = http;
        this.endpoint = URI.create(settings.baseUrl() + "/access_token");
        this.readTimeout = settings.readTimeout();
        this.clientId = credentials.clientId();
        this.clientSecret = credentials.clientSecret().value();
        this.clock = settings.clock();
        this.refreshToken = credentials.refreshToken().value();
    }

    @Override
    public synchronized String current() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(EXPIRY_MARGIN))) {
            refresh();
        }
        return accessToken;
    }

    /** Fetches the token first if needed, so the generation is that of the token the next call sends. */
    @Override
    public synchronized long generation() {
        current();
        return generation;
    }

    @Override
    public synchronized boolean renew(long rejectedGeneration) {
        if (rejectedGeneration == generation) {
            refresh();
        }
        return true;
    }

    @Override
    public String rejectionAdvice() {
        return "Webex rejected a freshly refreshed access token: the integration behind WEBEX_CLIENT_ID lacks"
                + " the wholesale scopes";
    }

    private void refresh() {
        TokenDto token = requestToken();
        accessToken = token.accessToken();
        expiresAt = token.expiresIn() == null ? Instant.MAX : clock.instant().plusSeconds(token.expiresIn());
        if (token.refreshToken() != null) {
            refreshToken = token.refreshToken();
        }
        generation++;
        LOG.info("Refreshed the Webex access token; it expires at {}", expiresAt);
    }

    /** Webex's {@code /access_token}, with the client credentials in the form body as wxc_sdk sends them. */
    private TokenDto requestToken() {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form("grant_type", "refresh_token", "client_id", clientId,
                        "client_secret", clientSecret, "refresh_token", refreshToken)))
                .build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = answer.statusCode();
            if (status >= 500 || status == 429) {
                throw unavailable("Webex answered HTTP " + status);
            }
            if (status != 200) {
                throw new UpstreamException(FailureReason.CONFIGURATION_ERROR, "Webex refused to refresh the access token ("
                        + errorCode(answer.body()).orElse("HTTP " + status) + ")" + CHECK_SETTINGS);
            }
            TokenDto token = JSON.readValue(answer.body(), TokenDto.class);
            if (token.accessToken() == null) {
                throw unavailable("Webex's answer has no access_token");
            }
            return token;
        } catch (IOException unreachable) {
            throw unavailable(unreachable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "Interrupted while refreshing the Webex token");
        }
    }

    private static UpstreamException unavailable(String problem) {
        return new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "Could not refresh the Webex access token: " + problem);
    }

    /** The OAuth {@code error} of a refusal, when its body says it. */
    private static Optional<String> errorCode(byte[] body) {
        try {
            return Optional.ofNullable(JSON.readValue(body, TokenDto.class).error());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String form(String... namesAndValues) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
