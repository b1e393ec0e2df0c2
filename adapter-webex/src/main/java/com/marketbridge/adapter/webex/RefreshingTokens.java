package com.marketbridge.adapter.webex;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.httpclient.jdk.JDKHttpClientConfig;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.oauth2.clientauthentication.ClientAuthentication;
import com.github.scribejava.core.oauth2.clientauthentication.RequestBodyAuthenticationScheme;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from an OAuth integration's refresh token: refreshed before they expire and after a 401.
 * Callers share one refresh (the methods are synchronized), and the refresh token Webex returns replaces
 * the old one in memory.
 */
final class RefreshingTokens implements AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokens.class);
    /** wxc_sdk's margin: a token with less left may expire in flight. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(300);

    private final OAuth20Service oauth;
    private final Clock clock;
    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private long generation;

    RefreshingTokens(WebexSettings settings) {
        this.oauth = new ServiceBuilder(settings.clientId())
                .apiSecret(settings.clientSecret())
                .httpClientConfig(timeouts(settings))
                .build(new TokenEndpoint(settings.baseUrl().toString()));
        this.clock = settings.clock();
        this.refreshToken = settings.refreshToken();
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
        try {
            OAuth2AccessToken token = oauth.refreshAccessToken(refreshToken);
            accessToken = token.getAccessToken();
            Integer lifetime = token.getExpiresIn();
            expiresAt = lifetime == null ? Instant.MAX : clock.instant().plusSeconds(lifetime);
            if (token.getRefreshToken() != null) {
                refreshToken = token.getRefreshToken();
            }
            generation++;
            LOG.info("Refreshed the Webex access token; it expires at {}", expiresAt);
        } catch (OAuth2AccessTokenErrorResponse refused) {
            throw new UpstreamException(FailureReason.CONFIGURATION_ERROR, "Webex refused to refresh the access"
                    + " token (" + refused.getError() + "): check WEBEX_CLIENT_ID,"
                    + " WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN");
        } catch (IOException | ExecutionException | OAuthException unreachable) {
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "Could not refresh the Webex access token: " + unreachable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "Interrupted while refreshing the Webex token");
        }
    }

    private static JDKHttpClientConfig timeouts(WebexSettings settings) {
        JDKHttpClientConfig config = JDKHttpClientConfig.defaultConfig();
        config.setConnectTimeout((int) settings.connectTimeout().toMillis());
        config.setReadTimeout((int) settings.readTimeout().toMillis());
        return config;
    }

    /** Webex's {@code /access_token}, with the client credentials in the form body as wxc_sdk sends them. */
    private static final class TokenEndpoint extends DefaultApi20 {

        private final String baseUrl;

        TokenEndpoint(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public String getAccessTokenEndpoint() {
            return baseUrl + "/access_token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return baseUrl + "/authorize";
        }

        @Override
        public ClientAuthentication getClientAuthentication() {
            return RequestBodyAuthenticationScheme.instance();
        }
    }
}
