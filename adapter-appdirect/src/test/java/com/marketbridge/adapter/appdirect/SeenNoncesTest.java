package com.marketbridge.adapter.appdirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenNoncesTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void aNonceIsForgottenOnceItsTimestampLeftTheWindow() {
        SeenNonces nonces = new SeenNonces(WINDOW, 10);

        assertThat(nonces.firstSighting("n-1", NOW, NOW)).isTrue();
        assertThat(nonces.firstSighting("n-1", NOW, NOW.plus(WINDOW))).isFalse();
        assertThat(nonces.firstSighting("n-1", NOW, NOW.plus(WINDOW).plusSeconds(1))).isTrue();
    }

    @Test
    void aFullStoreRefusesNewNoncesUntilOldOnesExpire() {
        SeenNonces nonces = new SeenNonces(WINDOW, 2);
        nonces.firstSighting("n-1", NOW, NOW);
        nonces.firstSighting("n-2", NOW, NOW);

        assertThat(nonces.firstSighting("n-3", NOW, NOW)).isFalse();
        assertThat(nonces.firstSighting("n-3", NOW, NOW.plus(WINDOW).plusSeconds(1))).isTrue();
    }
}
