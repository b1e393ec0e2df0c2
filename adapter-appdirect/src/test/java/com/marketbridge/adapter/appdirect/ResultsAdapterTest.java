package com.marketbridge.adapter.appdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.marketbridge.adapter.appdirect.Fixtures.EVENT_TOKEN;
import static com.marketbridge.adapter.appdirect.Fixtures.RESULT_PATH;
import static com.marketbridge.adapter.appdirect.Fixtures.assertNoSecret;
import static com.marketbridge.adapter.appdirect.Fixtures.eventUrl;
import static com.marketbridge.adapter.appdirect.Fixtures.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsAdapterTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private WireMockServer appDirect;
    private MarketplaceResults results;

    @BeforeEach
    void startAppDirect() {
        appDirect = Fixtures.startWireMock();
        stubTokens(appDirect, 43199, "test-token-1", "test-token-2");
        results = Fixtures.connect(Fixtures.basicSettings(appDirect, Clock.systemUTC(), Duration.ofSeconds(5))).results();
    }

    @AfterEach
    void stopAppDirect() {
        appDirect.stop();
    }

    private UpstreamException reportFailure(Outcome outcome, Duration budget) {
        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> results.report(eventUrl(appDirect, EVENT_TOKEN), outcome, budget));
        assertThat(failure).isNotNull();
        assertNoSecret(failure);
        return failure;
    }

    @Test
    void givenACompletedOutcome_report_postsTheAnswerAsJsonWithTheBearer() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(ok()));

        results.report(eventUrl(appDirect, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET);

        appDirect.verify(1, postRequestedFor(urlEqualTo(RESULT_PATH))
                .withHeader("Authorization", equalTo("Bearer test-token-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"success\":true,\"accountIdentifier\":\"ws-000123\",\"message\":\"Provisioned\"}")));
    }

    @Test
    void givenAFailedOutcome_report_postsTheErrorCodeAndOmitsTheAccount() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(ok()));

        results.report(eventUrl(appDirect, EVENT_TOKEN),
                new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "Account ws-999 does not exist"), BUDGET);

        appDirect.verify(1, postRequestedFor(urlEqualTo(RESULT_PATH)).withRequestBody(
                equalToJson("{\"success\":false,\"errorCode\":\"ACCOUNT_NOT_FOUND\",\"message\":\"Account ws-999 does not exist\"}")));
    }

    @Test
    void givenAppDirectFailing503Once_report_retriesAndSucceeds() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(503)));
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ok()));

        results.report(eventUrl(appDirect, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET);

        appDirect.verify(2, postRequestedFor(urlEqualTo(RESULT_PATH))
                .withRequestBody(equalToJson("{\"success\":true,\"accountIdentifier\":\"ws-000123\",\"message\":\"Provisioned\"}")));
    }

    @Test
    void givenAppDirectFailingLongerThanTheBudget_report_failsAsUpstreamUnavailableAfterRetrying() {
        appDirect.stubFor(post(urlEqualTo("/api/integration/v1/events/warm-up/result")).willReturn(ok()));
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(aResponse().withStatus(503)));
        // a cold first call can take longer than the whole budget below on a busy machine
        results.report(eventUrl(appDirect, "warm-up"), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET);
        long started = System.nanoTime();

        UpstreamException failure = reportFailure(new Outcome.Completed("ws-000123", "Provisioned"), Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).contains(EVENT_TOKEN);
        // 200 ms, 400 ms, then the rest of the budget: about four attempts
        assertThat(appDirect.findAll(postRequestedFor(urlEqualTo(RESULT_PATH)))).hasSizeBetween(3, 5);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {307, 302, 408, 429})
    void givenAnAnswerWorthTryingAgainOnce_report_retriesAndSucceeds(int status) {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).inScenario("once").whenScenarioStateIs(STARTED).willSetStateTo("again")
                .willReturn(aResponse().withStatus(status).withHeader("Location", "http://127.0.0.1:9/elsewhere")));
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).inScenario("once").whenScenarioStateIs("again").willReturn(ok()));

        results.report(eventUrl(appDirect, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET);

        appDirect.verify(2, postRequestedFor(urlEqualTo(RESULT_PATH)));
    }

    @Test
    void givenAppDirectRejecting400_report_failsAsUpstreamRejectedWithoutRetrying() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(aResponse().withStatus(400)));

        UpstreamException failure = reportFailure(new Outcome.Failed(FailureReason.USER_NOT_FOUND, "no such user"), BUDGET);

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        appDirect.verify(1, postRequestedFor(urlEqualTo(RESULT_PATH))
                .withRequestBody(equalToJson("{\"success\":false,\"errorCode\":\"USER_NOT_FOUND\",\"message\":\"no such user\"}")));
    }

    @Test
    void givenAppDirectForbidding_report_failsAsUpstreamRejected() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(aResponse().withStatus(403)));

        assertThat(reportFailure(new Outcome.Completed("ws-000123", "Provisioned"), BUDGET).reason())
                .isEqualTo(FailureReason.UPSTREAM_REJECTED);
        appDirect.verify(1, postRequestedFor(urlEqualTo(RESULT_PATH)));
    }

    @Test
    void givenAppDirectRejectingTheCachedToken_report_renewsItAndRetriesOnce() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-1"))
                .willReturn(aResponse().withStatus(401)));
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).withHeader("Authorization", equalTo("Bearer test-token-2")).willReturn(ok()));

        results.report(eventUrl(appDirect, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET);

        appDirect.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
        appDirect.verify(2, postRequestedFor(urlEqualTo(RESULT_PATH)));
    }

    @Test
    void givenAnEventUrlOnAForeignHost_report_refusesWithoutAnyRequest() {
        WireMockServer foreign = Fixtures.startWireMock();
        try {
            foreign.stubFor(post(anyUrl()).willReturn(ok()));

            UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> results.report(
                    eventUrl(foreign, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), BUDGET));
            assertNoSecret(failure);

            assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_EVENT);
            foreign.verify(0, anyRequestedFor(anyUrl()));
            appDirect.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            foreign.stop();
        }
    }
}
