package com.marketbridge.adapter.appdirect;

import static com.marketbridge.adapter.appdirect.Fixtures.BASIC_PASSWORD;
import static com.marketbridge.adapter.appdirect.Fixtures.BASIC_USERNAME;
import static com.marketbridge.adapter.appdirect.Fixtures.assertNoSecret;
import static com.marketbridge.adapter.appdirect.Fixtures.base64;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceCredentials.Verification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private final MarketplaceCredentials credentials =
            Fixtures.connect(Fixtures.basic(URI.create("https://acme.example.com"))).credentials();

    private Verification verify(String authorization) {
        Verification verification = credentials.verify(new InboundNotification("GET",
                URI.create("https://connector.example.net/api/v2/integration/processEvent"), Map.of(),
                Map.of("Authorization", List.of(authorization))));
        assertNoSecret(verification.reason());
        return verification;
    }

    @Test
    void givenTheConfiguredUsernameAndPassword_verify_acceptsThem() {
        assertThat(verify("Basic " + base64(BASIC_USERNAME + ":" + BASIC_PASSWORD))).isEqualTo(Verification.accepted());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            BASIC_USERNAME + ":wrong", "intruder:" + BASIC_PASSWORD, BASIC_USERNAME + ":" + BASIC_PASSWORD + "x",
            BASIC_USERNAME, ":" + BASIC_PASSWORD})
    void givenWrongCredentials_verify_rejectsThem(String userColonPassword) {
        assertThat(verify("Basic " + base64(userColonPassword)).verified()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Basic not-base64!", ""})
    void givenNoBasicCredentials_verify_rejectsThem(String authorization) {
        assertThat(verify(authorization).verified()).isFalse();
    }
}
