package com.marketbridge.adapter.appdirect;

import static com.marketbridge.adapter.appdirect.AuthorizedCalls.withCause;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AppDirect's OAuth 2.0 client-credentials token ({@code scope=ROLE_APPLICATION}), cached until shortly before it
 * expires. Synchronized, so concurrent callers share one renewal instead of each requesting a token. The request goes
 * through the adapter's HTTP client, so it is bounded as every AppDirect call is: a token endpoint that trickles cannot
 * hold the callers waiting on this lock past the call's deadline.
 */
final class BearerTokens implements Authorization {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String SCOPE = "ROLE_APPLICATION";
    private static final String BEARER = "Bearer ";

    private static final String GRANT = "grant_type=client_credentials&scope=" + SCOPE;

    private final TokenEndpoint endpoint;
    private final String authorization;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    BearerTokens(URI origin, String clientId, String clientSecret, Clock clock, Client http, Duration connectTimeout,
                 Duration readTimeout) {
        this.endpoint = TokenEndpoint.connect(origin, http, connectTimeout, readTimeout);
        // the client credentials in a Basic header, as DefaultApi20's default client authentication sent them
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    @Override
    public synchronized String header(String method, URI url) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            requestToken();
        }
        return BEARER + token;
    }

    @Override
    public synchronized boolean renew(String refusedHeader) {
        // another caller may have renewed already; only drop the token that was refused
        if ((BEARER + token).equals(refusedHeader)) {
            token = null;
        }
        return true;
    }

    private void requestToken() {
        TokenDto granted = grant();
        Duration lifetime = granted.expiresIn() == null
                ? Inferred.TOKEN_LIFETIME_WHEN_UNSTATED
                : Duration.ofSeconds(granted.expiresIn());
        Duration margin = Inferred.TOKEN_RENEWAL_MARGIN;
        renewAt = clock.instant().plus(lifetime.compareTo(margin.multipliedBy(2)) > 0 ? lifetime.minus(margin) : lifetime.dividedBy(2));
        token = granted.accessToken();
        LOG.debug("Obtained an AppDirect access token valid for {}", lifetime);
    }

    private TokenDto grant() {
        try (Response answer = endpoint.grant(authorization, GRANT)) {
            int status = answer.status();
            if (status >= 500 || status == 429) {
                throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                        "AppDirect's token endpoint answered HTTP " + status);
            }
            if (status != 200) {
                throw new UpstreamException(FailureReason.CONFIGURATION_ERROR,
                        AuthorizedCalls.REFUSED + " (token endpoint HTTP " + status + ")");
            }
            TokenDto granted = JSON.readValue(body(answer), TokenDto.class);
            if (granted.accessToken() == null) {
                throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                        "AppDirect's token endpoint answered without an access_token");
            }
            return granted;
        } catch (FeignException e) {
            // the HTTP client's own words (Feign adds "executing POST <url>"), as they were before the calls went through Feign
            throw unavailable("AppDirect's token endpoint could not be reached or answered unreadably: "
                    + (e.getCause() instanceof IOException cause ? cause.getMessage() : e.getMessage()), e);
        } catch (IOException e) {
            throw unavailable("AppDirect's token endpoint could not be reached or answered unreadably: " + e.getMessage(), e);
        }
    }

    private static byte[] body(Response answer) throws IOException {
        if (answer.body() == null) {
            return new byte[0];
        }
        try (InputStream body = answer.body().asInputStream()) {
            return body.readAllBytes();
        }
    }

    private static UpstreamException unavailable(String message, Exception cause) {
        return withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, message), cause);
    }

    /** AppDirect's token endpoint, over the adapter's HTTP client; the answer whatever its status, read here. */
    interface TokenEndpoint {

        @RequestLine("POST /oauth2/token")
        @Headers({"Authorization: {authorization}", "Content-Type: application/x-www-form-urlencoded",
                "Accept: application/json"})
        Response grant(@Param("authorization") String authorization, String form);

        static TokenEndpoint connect(URI origin, Client http, Duration connectTimeout, Duration readTimeout) {
            return Feign.builder()
                    .client(http)
                    .options(new Request.Options(connectTimeout, readTimeout, false))
                    .retryer(Retryer.NEVER_RETRY)
                    .target(TokenEndpoint.class, origin.toString());
        }
    }
}
