package com.marketbridge.adapter.appdirect;

import static com.marketbridge.adapter.appdirect.AuthorizedCalls.withCause;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.httpclient.jdk.JDKHttpClientConfig;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuthResponseException;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AppDirect's OAuth 2.0 client-credentials token ({@code scope=ROLE_APPLICATION}), cached until shortly before it
 * expires. Synchronized, so concurrent callers share one renewal instead of each requesting a token.
 */
final class BearerTokens implements Authorization {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);
    private static final String SCOPE = "ROLE_APPLICATION";
    private static final String BEARER = "Bearer ";

    private final OAuth20Service service;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    BearerTokens(URI origin, String clientId, String clientSecret, Clock clock, Duration connectTimeout, Duration readTimeout) {
        // scribejava has no java.net.http client; its HttpURLConnection client gets the same timeouts instead
        JDKHttpClientConfig http = JDKHttpClientConfig.defaultConfig()
                .withConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .withReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .withFollowRedirects(false);
        this.service = new ServiceBuilder(clientId).apiSecret(clientSecret).httpClientConfig(http)
                .build(new TokenEndpoint(origin.resolve("/oauth2/token")));
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
        try {
            OAuth2AccessToken granted = service.getAccessTokenClientCredentialsGrant(SCOPE);
            Duration lifetime = granted.getExpiresIn() == null
                    ? Inferred.TOKEN_LIFETIME_WHEN_UNSTATED
                    : Duration.ofSeconds(granted.getExpiresIn());
            Duration margin = Inferred.TOKEN_RENEWAL_MARGIN;
            renewAt = clock.instant().plus(lifetime.compareTo(margin.multipliedBy(2)) > 0 ? lifetime.minus(margin) : lifetime.dividedBy(2));
            token = granted.getAccessToken();
            LOG.debug("Obtained an AppDirect access token valid for {}", lifetime);
        } catch (OAuthResponseException e) {
            int status = e.getResponse().getCode();
            throw status >= 500
                    ? unavailable("AppDirect's token endpoint answered HTTP " + status, e)
                    : withCause(new UpstreamException(FailureReason.CONFIGURATION_ERROR, AuthorizedCalls.REFUSED + " (token endpoint HTTP " + status + ")"), e);
        } catch (IOException | ExecutionException | OAuthException e) {
            throw unavailable("AppDirect's token endpoint could not be reached or answered unreadably", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while requesting an AppDirect token", e);
        }
    }

    private static UpstreamException unavailable(String message, Exception cause) {
        return withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, message), cause);
    }

    /** AppDirect's token endpoint; the default client authentication of {@link DefaultApi20} is the Basic header it wants. */
    private static final class TokenEndpoint extends DefaultApi20 {

        private final String tokenUrl;

        TokenEndpoint(URI tokenUrl) {
            this.tokenUrl = tokenUrl.toString();
        }

        @Override
        public String getAccessTokenEndpoint() {
            return tokenUrl;
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            throw new UnsupportedOperationException("client credentials need no user authorization");
        }
    }
}
