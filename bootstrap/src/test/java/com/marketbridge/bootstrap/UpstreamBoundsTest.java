package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.marketbridge.adapter.appdirect.AppDirect;
import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.adapter.webex.WebexWholesale;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.FailureReason;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AppDirect and Webex adapters over the connector's {@link UpstreamClient}, against WireMock on 127.0.0.1: an
 * answer that trickles in ends at the call's deadline as a failure worth retrying, one too large is refused at once.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UpstreamBoundsTest {

    /** Short, for the trickles; the size tests keep the shipped deadlines, so that a loaded machine cannot time them out. */
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final String EVENT = "/api/integration/v1/events/trickled";
    private static final String THIRTY_MEGABYTES = "{\"items\":[" + "{\"id\":\"CUST\",\"externalId\":\"other\"},".repeat(800_000) + "{}]}";

    private WireMockServer upstream;

    @AfterEach
    void stop() {
        upstream.stop();
    }

    private WireMockServer start(Options.ChunkedEncodingPolicy chunking) {
        upstream = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().useChunkedTransferEncoding(chunking));
        upstream.start();
        return upstream;
    }

    private URI webexBase() {
        return URI.create(upstream.baseUrl() + "/v1");
    }

    /** Webex's customers over the connector's client, with two attempts a call and {@code deadline} on each. */
    private static WebexCustomers webexCustomers(WebexSettings settings, Duration deadline) {
        WebexSettings bounded = settings.withRetry(new WebexSettings.RetryPolicy(2, Duration.ofSeconds(1), Duration.ofMillis(1)))
                .withBounds(deadline, WebexSettings.DEFAULT_MAX_ANSWER_BYTES);
        return WebexWholesale.connect(bounded, UpstreamClient.of(bounded, UpstreamClient.CallTimer.NONE)).customers();
    }

    private void appDirectGrantsTokens() {
        upstream.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"appdirect-token\",\"expires_in\":3600}")));
    }

    private MarketplaceEvents appDirectEvents(Duration deadline) {
        AppDirectSettings settings = AppDirectSettings.basic(URI.create("http://127.0.0.1:" + upstream.port()), "client-id",
                new Secret("client-secret"), "appdirect", new Secret("password")).withCallDeadline(deadline);
        return AppDirect.connect(settings, UpstreamClient.of(settings, UpstreamClient.CallTimer.NONE)).events();
    }

    private EventUrl eventUrl() {
        return EventUrl.parse("http://127.0.0.1:" + upstream.port() + EVENT);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aWebexListTricklingInFailsAsUnavailableAtTheDeadlineOfEachAttempt() {
        start(Options.ChunkedEncodingPolicy.NEVER).stubFor(get(urlPathEqualTo("/v1/wholesale/customers"))
                .willReturn(okJson("{\"items\":[]}" + " ".repeat(40)).withChunkedDribbleDelay(20, 60_000)));
        WebexCustomers customers = webexCustomers(WebexSettings.staticToken(webexBase(), new Secret("webex-token")), DEADLINE);
        long start = System.nanoTime();

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> customers.findByExternalId("c1"));

        assertThat(since(start)).isLessThan(Duration.ofSeconds(20));
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).startsWith("Webex could not list customers after 2 attempts: Webex did not answer"
                + " GET /v1/wholesale/customers within 1 s, the deadline of one call");
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/v1/wholesale/customers")));
    }

    @ParameterizedTest
    @EnumSource(value = Options.ChunkedEncodingPolicy.class, names = {"NEVER", "ALWAYS"})
    void aWebexListOfThirtyMegabytesIsRefusedOnceNamingTheCap(Options.ChunkedEncodingPolicy chunking) {
        start(chunking).stubFor(get(urlPathEqualTo("/v1/wholesale/customers")).willReturn(okJson(THIRTY_MEGABYTES)));
        WebexCustomers customers = webexCustomers(WebexSettings.staticToken(webexBase(), new Secret("webex-token")),
                WebexSettings.DEFAULT_CALL_DEADLINE);

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> customers.findByExternalId("c1"));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).startsWith("Webex's answer to GET /v1/wholesale/customers ")
                .contains("the 512 KB the connector reads of one answer");
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/v1/wholesale/customers")));
    }

    @Test
    void anAppDirectEventTricklingInFailsAsUnavailableAtTheDeadline() {
        start(Options.ChunkedEncodingPolicy.NEVER).stubFor(get(EVENT)
                .willReturn(okJson("{\"type\":\"SUBSCRIPTION_ORDER\"}" + " ".repeat(40)).withChunkedDribbleDelay(20, 60_000)));
        appDirectGrantsTokens();
        MarketplaceEvents events = appDirectEvents(DEADLINE);
        long start = System.nanoTime();

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> events.fetch(eventUrl()));

        assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).startsWith("AppDirect did not hand over event trickled within 500 ms: AppDirect"
                + " could not be reached or did not answer in time: AppDirect did not answer GET " + EVENT + " within 1 s,"
                + " the deadline of one call");
    }

    @Test
    void anAppDirectEventOfThirtyMegabytesIsRefusedNamingTheCap() {
        start(Options.ChunkedEncodingPolicy.ALWAYS).stubFor(get(EVENT).willReturn(okJson(THIRTY_MEGABYTES)));

        appDirectGrantsTokens();
        MarketplaceEvents events = appDirectEvents(AppDirectSettings.DEFAULT_CALL_DEADLINE);

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> events.fetch(eventUrl()));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).isEqualTo("AppDirect's answer to GET " + EVENT + " is over the 256 KB the connector"
                + " reads of one answer; not read, and not asked for again");
        upstream.verify(1, getRequestedFor(urlEqualTo(EVENT)));
    }

    @Test
    void aWebexTokenRefreshTricklingInFailsTheCallAsUnavailableAtTheDeadline() {
        start(Options.ChunkedEncodingPolicy.NEVER).stubFor(post("/v1/access_token")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3600}" + " ".repeat(40))
                        .withChunkedDribbleDelay(20, 60_000)));
        WebexCustomers customers = webexCustomers(WebexSettings.refreshing(webexBase(), "client-id",
                new Secret("client-secret"), new Secret("refresh-token")), DEADLINE);
        long start = System.nanoTime();

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> customers.findByExternalId("c1"));

        assertThat(since(start)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).startsWith("Could not refresh the Webex access token: Webex did not answer"
                + " POST /v1/access_token within 1 s");
        upstream.verify(0, getRequestedFor(urlPathEqualTo("/v1/wholesale/customers")));
    }

    @Test
    void anAppDirectTokenOfThirtyMegabytesIsRefusedNamingTheCap() {
        start(Options.ChunkedEncodingPolicy.NEVER).stubFor(post("/oauth2/token").willReturn(okJson(THIRTY_MEGABYTES)));
        MarketplaceEvents events = appDirectEvents(AppDirectSettings.DEFAULT_CALL_DEADLINE);

        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> events.fetch(eventUrl()));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).startsWith("AppDirect's answer to POST /oauth2/token announces");
        upstream.verify(0, getRequestedFor(urlEqualTo(EVENT)));
    }
}
