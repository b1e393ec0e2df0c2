package com.marketbridge.adapter.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.domain.credential.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebexSettingsTest {

    private static final Secret TOKEN = new Secret("tok-secret");

    @Test
    void theFactoriesGiveTheDocumentedDefaults() {
        WebexSettings settings = WebexSettings.staticToken(WebexSettings.DEFAULT_BASE_URL, TOKEN);

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://webexapis.com/v1"));
        assertThat(settings.credentials()).isEqualTo(new WebexSettings.StaticToken(TOKEN));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.callDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAnswerBytes()).isEqualTo(512 * 1024);
        assertThat(settings.retry()).isEqualTo(new WebexSettings.RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(200)));
        assertThat(WebexSettings.refreshing(WebexSettings.DEFAULT_BASE_URL, "id", new Secret("sec-secret"),
                new Secret("ref-secret"))).usingRecursiveComparison().ignoringFields("credentials").isEqualTo(settings);
    }

    @Test
    void refreshCredentialsSelectTheRefreshMode() {
        WebexSettings settings = WebexSettings.refreshing(URI.create("http://127.0.0.1:9/v1"), "id", new Secret("sec-secret"),
                new Secret("ref-secret"));

        assertThat(settings.credentials()).isInstanceOf(WebexSettings.RefreshCredentials.class);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/v1"));
    }

    @Test
    void noTokenOrPartialRefreshCredentialsAreRefusedNamingTheSettings() {
        assertThatThrownBy(() -> WebexSettings.staticToken(WebexSettings.DEFAULT_BASE_URL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBEX_TOKEN");
        assertThatThrownBy(() -> WebexSettings.refreshing(WebexSettings.DEFAULT_BASE_URL, "id", null, new Secret("r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBEX_CLIENT_SECRET");
    }

    @Test
    void toStringMasksEverySecret() {
        String staticMode = WebexSettings.staticToken(WebexSettings.DEFAULT_BASE_URL, TOKEN).toString();
        String refreshMode = WebexSettings.refreshing(WebexSettings.DEFAULT_BASE_URL, "id", new Secret("sec-secret"),
                new Secret("ref-secret")).toString();

        assertThat(staticMode).doesNotContain("tok-secret").contains("****");
        assertThat(refreshMode).doesNotContain("sec-secret", "ref-secret").contains("clientId=id");
    }

    @ParameterizedTest(name = "locale {0} -> {1} / {2}")
    @CsvSource(nullValues = "NONE", value = {"en-US, en_US, en_us", "en_US, en_US, en_us", "fr-ca, fr_CA, fr_ca",
            "de, de, de", "NONE, en_US, en_us"})
    void theBuyersLocaleBecomesWebexLanguages(String locale, String customer, String location) {
        assertThat(WebexAssumptions.customerLanguage(Optional.ofNullable(locale))).isEqualTo(customer);
        assertThat(WebexAssumptions.locationLanguage(Optional.ofNullable(locale))).isEqualTo(location);
    }
}
