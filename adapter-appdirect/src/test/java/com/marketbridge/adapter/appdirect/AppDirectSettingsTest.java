package com.marketbridge.adapter.appdirect;

import static com.marketbridge.adapter.appdirect.Fixtures.BASIC_PASSWORD;
import static com.marketbridge.adapter.appdirect.Fixtures.BASIC_USERNAME;
import static com.marketbridge.adapter.appdirect.Fixtures.CLIENT_ID;
import static com.marketbridge.adapter.appdirect.Fixtures.CLIENT_SECRET;
import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_KEY;
import static com.marketbridge.adapter.appdirect.Fixtures.CONSUMER_SECRET;
import static com.marketbridge.adapter.appdirect.Fixtures.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppDirectSettingsTest {

    private static final URI BASE = URI.create("https://acme.example.com");

    private static IllegalArgumentException invalid(Runnable construction) {
        IllegalArgumentException failure = catchThrowableOfType(IllegalArgumentException.class, construction::run);
        assertThat(failure).isNotNull();
        assertNoSecret(failure);
        return failure;
    }

    @Test
    void givenBasicAndOAuth1Both_construction_failsNamingBothSettingsWithoutSecrets() {
        IllegalArgumentException failure = invalid(() -> new AppDirectSettings(BASE, CLIENT_ID, CLIENT_SECRET,
                BASIC_USERNAME, BASIC_PASSWORD, CONSUMER_KEY, CONSUMER_SECRET, null, null, null, null, null));

        assertThat(failure.getMessage()).contains("BASIC_USERNAME/BASIC_PASSWORD", "OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET", "not both");
    }

    @Test
    void givenNeitherInboundMode_construction_failsNamingBothSettings() {
        IllegalArgumentException failure = invalid(() -> new AppDirectSettings(BASE, CLIENT_ID, CLIENT_SECRET,
                null, null, null, null, null, null, null, null, null));

        assertThat(failure.getMessage()).contains("BASIC_USERNAME/BASIC_PASSWORD", "OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET");
    }

    @Test
    void givenHalfAPair_construction_failsNamingThePair() {
        assertThat(invalid(() -> new AppDirectSettings(BASE, CLIENT_ID, CLIENT_SECRET, BASIC_USERNAME, null,
                null, null, null, null, null, null, null)).getMessage()).contains("BASIC_USERNAME/BASIC_PASSWORD");
        assertThat(invalid(() -> new AppDirectSettings(BASE, null, null, null, null, null, CONSUMER_SECRET,
                null, null, null, null, null)).getMessage()).contains("OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET");
    }

    @Test
    void givenBasicWithoutOAuth2ClientCredentials_construction_failsNamingThem() {
        assertThat(invalid(() -> new AppDirectSettings(BASE, CLIENT_ID, null, BASIC_USERNAME, BASIC_PASSWORD,
                null, null, null, null, null, null, null)).getMessage()).contains("OAUTH_CLIENT_ID/OAUTH_CLIENT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example.com/api", "ftp://acme.example.com", "https://acme.example.com?x=1",
            "https://admin:" + CLIENT_SECRET + "@acme.example.com"})
    void givenABaseUrlThatIsNoOrigin_construction_failsWithoutEchoingIt(String baseUrl) {
        invalid(() -> new AppDirectSettings(URI.create(baseUrl), CLIENT_ID, CLIENT_SECRET,
                BASIC_USERNAME, BASIC_PASSWORD, null, null, null, null, null, null, null));
    }

    @Test
    void givenNoTimeoutsOrClock_construction_usesTheDefaults() {
        AppDirectSettings settings = new AppDirectSettings(BASE, null, null, null, null, CONSUMER_KEY, CONSUMER_SECRET, null, null, null, null, null);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.callDeadline()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.maxAnswerBytes()).isEqualTo(256 * 1024);
        assertThat(settings.clock()).isNotNull();
    }

    @Test
    void toStringMasksEverySecretAndKeepsTheRest() {
        String basic = new AppDirectSettings(BASE, CLIENT_ID, CLIENT_SECRET, BASIC_USERNAME, BASIC_PASSWORD,
                null, null, null, null, null, null, null).toString();
        String oauth1 = new AppDirectSettings(BASE, null, null, null, null, CONSUMER_KEY, CONSUMER_SECRET, null, null, null, null, null).toString();

        assertNoSecret(basic);
        assertNoSecret(oauth1);
        assertThat(basic).contains(CLIENT_ID, BASIC_USERNAME, "****", BASE.toString());
        assertThat(oauth1).contains(CONSUMER_KEY, "oauth1ConsumerSecret=****");
    }
}
