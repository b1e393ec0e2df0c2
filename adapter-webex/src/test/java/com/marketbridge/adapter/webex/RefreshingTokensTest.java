package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.outcome.FailureReason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefreshingTokensTest extends WireMockWebex {

    static final String CUSTOMER = "/v1/wholesale/customers/CUST1";

    /** This stub with an integration's refresh credentials and fast retries. */
    private WebexSettings refreshing() {
        return WebexSettings.refreshing(URI.create(baseUrl()), "client-1", new Secret("secret-1"), new Secret("RRRinitial"))
                .withRetry(FAST);
    }

    @Test
    void givenA401_get_refreshesOnceRetriesWithTheNewTokenAndKeepsTheNewRefreshToken() {
        webex = WireMockWebex.connect(refreshing());
        stubInSequence(() -> post(urlEqualTo("/v1/access_token")), okJson(json("token.json")), okJson(json("token-2.json")));
        wm.stubFor(get(urlEqualTo(CUSTOMER)).withHeader("Authorization", equalTo("Bearer AAAtestAccessToken_001"))
                .willReturn(aResponse().withStatus(401).withBody(json("error-unauthorized.json"))));
        wm.stubFor(get(urlEqualTo(CUSTOMER)).withHeader("Authorization", equalTo("Bearer AAAtestAccessToken_002"))
                .willReturn(okJson(json("customer-provisioned.json"))));

        assertThat(webex.customers().get("CUST1").orgId()).isEqualTo("ORG1");

        wm.verify(postRequestedFor(urlEqualTo("/v1/access_token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("client_id=client-1"))
                .withRequestBody(containing("client_secret=secret-1"))
                .withRequestBody(containing("refresh_token=RRRinitial")));
        wm.verify(postRequestedFor(urlEqualTo("/v1/access_token"))
                .withRequestBody(containing("refresh_token=RRRtestRefreshToken_001")));
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/access_token")));
        wm.verify(2, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenARefreshedTokenStillRejected_get_failsAsConfigurationErrorAfterOneRetry() {
        webex = WireMockWebex.connect(refreshing());
        wm.stubFor(post(urlEqualTo("/v1/access_token")).willReturn(okJson(json("token.json"))));
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR));
        wm.verify(2, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenATokenNearItsExpiry_get_refreshesBeforeCalling() {
        MovableClock clock = new MovableClock();
        webex = WireMockWebex.connect(refreshing().withClock(clock));
        wm.stubFor(post(urlEqualTo("/v1/access_token")).willReturn(okJson(json("token.json"))));
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(okJson(json("customer-provisioned.json"))));

        webex.customers().get("CUST1");
        clock.advance(Duration.ofSeconds(1209599).minus(RefreshingTokens.EXPIRY_MARGIN).minusSeconds(1));
        webex.customers().get("CUST1");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
        clock.advance(Duration.ofSeconds(1));
        webex.customers().get("CUST1");
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/access_token")));
    }

    @Test
    void givenConcurrentCallers_get_sharesOneRefresh() throws Exception {
        webex = WireMockWebex.connect(refreshing());
        wm.stubFor(post(urlEqualTo("/v1/access_token")).willReturn(okJson(json("token.json"))
                .withFixedDelay(200)));
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(okJson(json("customer-provisioned.json"))));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = IntStream.range(0, 6)
                    .<Callable<String>>mapToObj(i -> () -> webex.customers().get("CUST1").orgId()).toList();
            for (Future<String> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo("ORG1");
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
        wm.verify(6, getRequestedFor(urlEqualTo(CUSTOMER)).withHeader("Authorization", equalTo("Bearer AAAtestAccessToken_001")));
    }

    @Test
    void givenTheRefreshTokenIsRefused_get_failsAsConfigurationErrorNamingTheSettings() {
        webex = WireMockWebex.connect(refreshing());
        wm.stubFor(post(urlEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
                    assertThat(e.getMessage()).contains("WEBEX_REFRESH_TOKEN").doesNotContain("RRRinitial", "secret-1");
                });
        wm.verify(0, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenTheTokenEndpointFailing503_get_failsAsUnavailableWithoutCallingWebex() {
        webex = WireMockWebex.connect(refreshing());
        wm.stubFor(post(urlEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("Could not refresh the Webex access token: Webex answered HTTP 503");
                });
        wm.verify(0, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
