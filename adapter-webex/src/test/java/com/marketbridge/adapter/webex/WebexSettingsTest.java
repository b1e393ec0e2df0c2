package com.marketbridge.adapter.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebexSettingsTest {

    @Test
    void theFactoryGivesTheDocumentedDefaults() {
        WebexSettings settings = WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, "tok-secret", null, null, null);

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://webexapis.com/v1"));
        assertThat(settings.refreshing()).isFalse();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.callDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAnswerBytes()).isEqualTo(512 * 1024);
        assertThat(settings.retry()).isEqualTo(new WebexSettings.RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(200)));
    }

    @Test
    void refreshCredentialsSelectTheRefreshMode() {
        WebexSettings settings = WebexSettings.of(URI.create("http://127.0.0.1:9/v1"), null, "id", "sec-secret", "ref-secret");

        assertThat(settings.refreshing()).isTrue();
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/v1"));
    }

    @Test
    void bothTokenModesAtOnceAreRefusedNamingTheSettings() {
        assertThatThrownBy(() -> WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, "t", "id", "s", "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WEBEX_TOKEN").hasMessageContaining("WEBEX_REFRESH_TOKEN");
    }

    @Test
    void noTokenOrPartialRefreshCredentialsAreRefused() {
        assertThatThrownBy(() -> WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBEX_TOKEN");
        assertThatThrownBy(() -> WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, null, "id", null, "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEBEX_CLIENT_SECRET");
    }

    @Test
    void toStringMasksEverySecret() {
        String staticMode = WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, "tok-secret", null, null, null).toString();
        String refreshMode = WebexSettings.of(WebexSettings.DEFAULT_BASE_URL, null, "id", "sec-secret", "ref-secret").toString();

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
