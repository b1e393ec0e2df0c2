package com.marketbridge.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://acme.example.com/api/integration/v1/events/abc-123, abc-123",
            "http://127.0.0.1:8089/events/abc-123?x=1, abc-123",
            "HTTPS://acme.example.com/abc, abc",
            "'  https://acme.example.com/events/tok  ', tok"})
    void theTokenIsTheLastPathSegment(String url, String token) {
        assertThat(EventUrl.parse(url).token()).isEqualTo(new EventToken(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://acme.example.com/events/",   // trailing slash: no token
            "https://acme.example.com",           // no path
            "https://acme.example.com/",
            "/events/abc",                        // not absolute
            "events/abc",
            "mailto:ops@acme.example.com",        // no host
            "https:abc",
            "not a url",                          // illegal characters
            "https://acme.example.com/ev ents/x",
            ""})
    void malformedUrlsAreRejected(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventUrl.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://acme.example.com/events/abc", "file://host/events/abc", "ws://acme.example.com/events/abc"})
    void nonHttpSchemesAreRejectedByName(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventUrl.parse(url))
                .withMessageContaining("uses http or https, got '" + url.substring(0, url.indexOf(':')) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example.com/events/", "https://acme.example.com"})
    void aUrlWithoutTokenSaysSo(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventUrl.parse(url))
                .withMessageEndingWith("an event URL ends with the event token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b"})
    void aTokenIsOneNonBlankSegment(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventToken(value))
                .withMessage("an event token is one non-blank path segment, got '" + value + "'");
    }
}
