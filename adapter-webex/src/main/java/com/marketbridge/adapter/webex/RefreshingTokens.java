package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.net.URLEncoder;
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

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private long generation;

    RefreshingTokens(WebexSettings settings, WebexSettings.RefreshCredentials credentials, Client http) {
        this.endpoint = TokenEndpoint.connect(settings, http);
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
        String form = form("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
                "refresh_token", refreshToken);
        try (Response answer = endpoint.refresh(form)) {
            int status = answer.status();
            byte[] body = WebexDecoder.bodyOf(answer);
            if (status >= 500 || status == 429) {
                throw unavailable("Webex answered HTTP " + status);
            }
            if (status != 200) {
                throw new UpstreamException(FailureReason.CONFIGURATION_ERROR, "Webex refused to refresh the access token ("
                        + errorCode(body).orElse("HTTP " + status) + ")" + CHECK_SETTINGS);
            }
            TokenDto token = JSON.readValue(body, TokenDto.class);
            if (token.accessToken() == null) {
                throw unavailable("Webex's answer has no access_token");
            }
            return token;
        } catch (FeignException unreachable) {
            // the HTTP client's own words (Feign adds "executing POST <url>"), as they were before the calls went through Feign
            throw unavailable(unreachable.getCause() instanceof IOException cause ? cause.getMessage() : unreachable.getMessage());
        } catch (IOException unreadable) {
            throw unavailable(unreadable.getMessage());
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

    /** Webex's {@code /access_token}, over the adapter's HTTP client; the answer whatever its status, read here. */
    interface TokenEndpoint {

        @RequestLine("POST /access_token")
        @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
        Response refresh(String form);

        static TokenEndpoint connect(WebexSettings settings, Client http) {
            return Feign.builder()
                    .client(http)
                    .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                    .retryer(Retryer.NEVER_RETRY)
                    .target(TokenEndpoint.class, settings.baseUrl().toString());
        }
    }
}
