package com.marketbridge.adapter.appdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_KEY;
import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_SECRET;
import static com.marketbridge.adapter.appdirect.Fixtures.EVENT_PATH;
import static com.marketbridge.adapter.appdirect.Fixtures.EVENT_TOKEN;
import static com.marketbridge.adapter.appdirect.Fixtures.RESULT_PATH;
import static com.marketbridge.adapter.appdirect.Fixtures.eventUrl;
import static com.marketbridge.adapter.appdirect.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In legacy mode our own calls carry a 2-legged OAuth 1.0a signature instead of a bearer token. */
class LegacyOAuth1CallsTest {

    private WireMockServer appDirect;
    private AppDirect adapter;

    @BeforeEach
    void startAppDirect() {
        appDirect = Fixtures.startWireMock();
        adapter = Fixtures.connect(Fixtures.oauth1Settings(appDirect, Clock.systemUTC()));
    }

    @AfterEach
    void stopAppDirect() {
        appDirect.stop();
    }

    /** Recomputes the received signature with the independent signer, over the URL actually requested. */
    private void assertSignedByUs(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("OAuth ");
        Map<String, String> oauth = IndependentOAuth1.parse(authorization);
        assertThat(oauth).containsEntry("oauth_consumer_key", CONSUMER_KEY)
                .containsEntry("oauth_signature_method", "HMAC-SHA1")
                .doesNotContainKey("oauth_token");
        Map<String, String> signed = new HashMap<>(oauth);
        String signature = signed.remove("oauth_signature");
        String url = Fixtures.origin(appDirect) + request.getUrl();

        assertThat(signature).isEqualTo(IndependentOAuth1.signature(request.getMethod().getName(), url, signed, CONSUMER_SECRET));
    }

    @Test
    void givenLegacyMode_fetch_signsTheGetAndRequestsNoToken() {
        appDirect.stubFor(get(urlEqualTo(EVENT_PATH)).withHeader("Accept", equalTo("application/json"))
                .willReturn(okJson(resource("subscription-cancel.json"))));

        assertThat(adapter.events().fetch(eventUrl(appDirect, EVENT_TOKEN))).isInstanceOf(SubscriptionCancelled.class);

        List<LoggedRequest> fetches = appDirect.findAll(getRequestedFor(urlEqualTo(EVENT_PATH)));
        assertThat(fetches).hasSize(1);
        assertSignedByUs(fetches.get(0));
        appDirect.verify(0, postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    @Test
    void givenLegacyMode_report_signsThePostOverTheUrlOnly() {
        appDirect.stubFor(post(urlEqualTo(RESULT_PATH)).willReturn(ok()));

        adapter.results().report(eventUrl(appDirect, EVENT_TOKEN), new Outcome.Completed("ws-000123", "Provisioned"), Duration.ofSeconds(5));

        List<LoggedRequest> posts = appDirect.findAll(postRequestedFor(urlEqualTo(RESULT_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"success\":true,\"accountIdentifier\":\"ws-000123\",\"message\":\"Provisioned\"}")));
        assertThat(posts).hasSize(1);
        assertSignedByUs(posts.get(0));
    }
}
