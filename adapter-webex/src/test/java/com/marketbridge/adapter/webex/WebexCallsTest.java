package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.outcome.FailureReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry and error policy every call shares, driven through {@code GET /wholesale/customers/{id}}. */
class WebexCallsTest extends WireMockWebex {

    static final String CUSTOMER = "/v1/wholesale/customers/CUST1";

    @Test
    void given429TwiceWithRetryAfter1_get_waitsAsToldAndThenSucceeds() {
        ResponseDefinitionBuilder limited = aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json").withBody(json("error-rate-limited.json"));
        stubInSequence(() -> get(urlEqualTo(CUSTOMER)), limited, limited, okJson(json("customer-provisioned.json")));

        long started = System.nanoTime();
        assertThat(webex.customers().get("CUST1").status()).isEqualTo(CustomerStatus.PROVISIONED);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        wm.verify(3, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenA423AskingForLongerThanTheCap_get_waitsOnlyTheCapThenRetries() {
        webex = WireMockWebex.connect(settings()
                .withRetry(new WebexSettings.RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(1))));
        stubInSequence(() -> get(urlEqualTo(CUSTOMER)), aResponse().withStatus(423).withHeader("Retry-After", "30"),
                okJson(json("customer-provisioned.json")));

        long started = System.nanoTime();
        webex.customers().get("CUST1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        wm.verify(2, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenA503_get_backsOffAndSucceeds() {
        stubInSequence(() -> get(urlEqualTo(CUSTOMER)), serviceUnavailable(), okJson(json("customer-provisioned.json")));

        assertThat(webex.customers().get("CUST1").orgId()).isEqualTo("ORG1");
        wm.verify(2, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenAConnectionReset_get_retriesLikeA5xx() {
        stubInSequence(() -> get(urlEqualTo(CUSTOMER)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson(json("customer-provisioned.json")));

        assertThat(webex.customers().get("CUST1").orgId()).isEqualTo("ORG1");
        wm.verify(2, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenWebexKeepsFailing_get_stopsAtMaxAttemptsAsUnavailable() {
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(502)
                .withBody("{\"message\":\"Bad gateway\",\"trackingId\":\"ROUTERGW_502\"}")));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("after 4 attempts", "Bad gateway");
                    assertThat(e.trackingId()).contains("ROUTERGW_502");
                });
        wm.verify(FAST.maxAttempts(), getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenAStaticTokenRejectedWith401_get_failsAsConfigurationErrorNamingWebexTokenWithoutRetrying() {
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(json("error-unauthorized.json"))));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
                    assertThat(e.getMessage()).contains("WEBEX_TOKEN", "expired", "wholesale scopes")
                            .doesNotContain(TOKEN);
                    assertThat(e.trackingId()).contains("ROUTERGW_auth-0001");
                });
        wm.verify(1, getRequestedFor(urlEqualTo(CUSTOMER)));
    }

    @Test
    void givenA403_get_failsAsConfigurationErrorAboutScopes() {
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.CONFIGURATION_ERROR);
                    assertThat(e.getMessage()).contains("scopes", "partner");
                });
    }

    @Test
    void givenA404_get_failsAsAccountNotFound() {
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Customer not found\",\"trackingId\":\"ROUTERGW_404\"}")));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_NOT_FOUND);
                    assertThat(e.getMessage()).contains("Customer not found");
                });
    }

    @Test
    void givenANonJsonErrorBody_get_keepsItsTextAsTheDescription() {
        wm.stubFor(get(urlEqualTo(CUSTOMER)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad Request: malformed id</html>")));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                    assertThat(e.getMessage()).contains("Bad Request: malformed id");
                });
    }
}
