package com.marketbridge.adapter.appdirect;

import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_KEY;
import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_SECRET;
import static com.marketbridge.adapter.appdirect.Fixtures.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.adapter.appdirect.Fixtures.MutableClock;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceCredentials.Verification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuth1CredentialsTest {

    private static final String ENDPOINT = "https://connector.example.net/api/v1/integration/processEvent";
    private static final String EVENT_URL = "https://acme.example.com/api/integration/v1/events/7d0c6f6e-2a51-4d7e-9a55-0b8f3c2a9e11";
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final MarketplaceCredentials credentials =
            Fixtures.connect(Fixtures.oauth1(URI.create("https://acme.example.com")).withClock(clock)).credentials();

    private static String signed(String eventUrl, String secret, Instant timestamp, String nonce) {
        return IndependentOAuth1.header("GET", ENDPOINT, Map.of("eventUrl", eventUrl), CONSUMER_KEY, secret, timestamp.getEpochSecond(), nonce);
    }

    private static InboundNotification notification(String url, String eventUrl, String authorization) {
        return new InboundNotification("GET", URI.create(url + "?eventUrl=" + URLEncoder.encode(eventUrl, StandardCharsets.UTF_8)),
                Map.of("eventUrl", List.of(eventUrl)), Map.of("authorization", List.of(authorization)));
    }

    private Verification verify(InboundNotification notification) {
        Verification verification = credentials.verify(notification);
        assertNoSecret(verification.reason());
        String signature = IndependentOAuth1.parse(notification.header("Authorization").orElseThrow()).get("oauth_signature");
        assertThat(verification.reason()).doesNotContain(signature);
        return verification;
    }

    @Test
    void givenARightSignature_verify_acceptsIt() {
        assertThat(verify(notification(ENDPOINT, EVENT_URL, signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1"))).verified()).isTrue();
    }

    @Test
    void givenAnUpperCaseHostAndDefaultPort_verify_normalisesTheUrlAndAcceptsIt() {
        String header = signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1");

        assertThat(verify(notification("https://CONNECTOR.example.net:443/api/v1/integration/processEvent", EVENT_URL, header))
                .verified()).isTrue();
    }

    @Test
    void givenATamperedEventUrl_verify_rejectsIt() {
        String header = signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1");

        Verification verification = verify(notification(ENDPOINT, "https://evil.example.org/api/integration/v1/events/x", header));

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("signature");
    }

    @Test
    void givenTheSignedUrlWasHttpsButHttpArrived_verify_rejectsIt() {
        String header = signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1");

        assertThat(verify(notification(ENDPOINT.replace("https:", "http:"), EVENT_URL, header)).verified()).isFalse();
    }

    @Test
    void givenAWrongSecret_verify_rejectsIt() {
        assertThat(verify(notification(ENDPOINT, EVENT_URL, signed(EVENT_URL, "not-the-secret", NOW, "n-1"))).verified()).isFalse();
    }

    @Test
    void givenATimestampTenMinutesOld_verify_rejectsItAsExpired() {
        Verification verification = verify(notification(ENDPOINT, EVENT_URL,
                signed(EVENT_URL, CONSUMER_SECRET, NOW.minus(Duration.ofMinutes(10)), "n-1")));

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("oauth_timestamp");
    }

    @Test
    void givenTheSameNonceTwice_verify_rejectsTheReplay() {
        InboundNotification notification = notification(ENDPOINT, EVENT_URL, signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1"));

        assertThat(verify(notification).verified()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        Verification replay = verify(notification);

        assertThat(replay.verified()).isFalse();
        assertThat(replay.reason()).contains("nonce");
    }

    @Test
    void givenAnotherConsumerKey_verify_rejectsIt() {
        String header = IndependentOAuth1.header("GET", ENDPOINT, Map.of("eventUrl", EVENT_URL), "someone-else", CONSUMER_SECRET,
                NOW.getEpochSecond(), "n-1");

        assertThat(verify(notification(ENDPOINT, EVENT_URL, header)).verified()).isFalse();
    }

    @Test
    void givenAnotherSignatureMethod_verify_rejectsIt() {
        String header = signed(EVENT_URL, CONSUMER_SECRET, NOW, "n-1").replace("HMAC-SHA1", "PLAINTEXT");

        Verification verification = verify(notification(ENDPOINT, EVENT_URL, header));

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("HMAC-SHA1");
    }

    @Test
    void givenAQueryParameterThatCannotBeDecoded_verify_rejectsItEvenWhenTheRestIsSigned() {
        String header = IndependentOAuth1.header("GET", ENDPOINT, Map.of("eventType", "create"), CONSUMER_KEY, CONSUMER_SECRET,
                NOW.getEpochSecond(), "n-1");

        Verification verification = verify(new InboundNotification("GET", URI.create(ENDPOINT), Map.of("eventType", List.of("create")),
                Map.of("authorization", List.of(header)), List.of("eventUrl")));

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("could not be decoded");
    }

    @Test
    void givenAMalformedPercentInTheOAuthHeader_verify_rejectsItAsMalformed() {
        Verification verification = credentials.verify(new InboundNotification("GET", URI.create(ENDPOINT), Map.of(),
                Map.of("authorization", List.of("OAuth oauth_consumer_key=\"%zz\", oauth_nonce=\"%\""))));

        assertThat(verification.verified()).isFalse();
        assertThat(verification.reason()).contains("no well-formed OAuth Authorization header");
    }

    @Test
    void givenNoOAuthHeader_verify_rejectsIt() {
        assertThat(credentials.verify(new InboundNotification("GET", URI.create(ENDPOINT), Map.of(), Map.of())).verified()).isFalse();
    }

    @Test
    void theBaseStringMatchesRfc5849Section3411() {
        List<Map.Entry<String, String>> parameters = List.of(
                Map.entry("b5", "=%3D"), Map.entry("a3", "a"), Map.entry("c@", ""), Map.entry("a2", "r b"),
                Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"), Map.entry("oauth_token", "kkk9d7dh3k39sjv7"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "7d8f3e4a"), Map.entry("c2", ""), Map.entry("a3", "2 q"));

        assertThat(OAuth1Signatures.baseString("POST", URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"), parameters))
                .isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D"
                        + "%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method"
                        + "%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }
}
