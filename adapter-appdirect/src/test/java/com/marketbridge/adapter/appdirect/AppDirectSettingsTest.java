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

import com.marketbridge.domain.credential.Secret;
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
    void givenHalfAPair_construction_failsNamingThePair() {
        assertThat(invalid(() -> AppDirectSettings.basic(BASE, CLIENT_ID, new Secret(CLIENT_SECRET), BASIC_USERNAME, null))
                .getMessage()).contains("BASIC_USERNAME/BASIC_PASSWORD");
        assertThat(invalid(() -> AppDirectSettings.oauth1(BASE, " ", new Secret(CONSUMER_SECRET)))
                .getMessage()).contains("OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET");
    }

    @Test
    void givenBasicWithoutOAuth2ClientCredentials_construction_failsNamingThem() {
        assertThat(invalid(() -> AppDirectSettings.basic(BASE, CLIENT_ID, null, BASIC_USERNAME, new Secret(BASIC_PASSWORD)))
                .getMessage()).contains("OAUTH_CLIENT_ID/OAUTH_CLIENT_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example.com/api", "ftp://acme.example.com", "https://acme.example.com?x=1",
            "https://admin:" + CLIENT_SECRET + "@acme.example.com"})
    void givenABaseUrlThatIsNoOrigin_construction_failsWithoutEchoingIt(String baseUrl) {
        invalid(() -> Fixtures.basic(URI.create(baseUrl)));
    }

    @Test
    void eitherModeGivesTheDefaultTimeoutsAndClock() {
        for (AppDirectSettings settings : new AppDirectSettings[] {Fixtures.basic(BASE), Fixtures.oauth1(BASE)}) {
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.callDeadline()).isEqualTo(Duration.ofSeconds(15));
            assertThat(settings.maxAnswerBytes()).isEqualTo(256 * 1024);
            assertThat(settings.clock()).isNotNull();
        }
    }

    @Test
    void givenANonPositiveTimeout_construction_failsNamingIt() {
        assertThat(invalid(() -> Fixtures.basic(BASE).withCallDeadline(Duration.ZERO)).getMessage()).contains("callDeadline");
    }

    @Test
    void toStringMasksEverySecretAndKeepsTheRest() {
        String basic = Fixtures.basic(BASE).toString();
        String oauth1 = Fixtures.oauth1(BASE).toString();

        assertNoSecret(basic);
        assertNoSecret(oauth1);
        assertThat(basic).contains(CLIENT_ID, BASIC_USERNAME, "password=****", BASE.toString());
        assertThat(oauth1).contains(CONSUMER_KEY, "consumerSecret=****");
    }
}
