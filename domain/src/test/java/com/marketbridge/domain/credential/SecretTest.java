package com.marketbridge.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    private record Holder(String name, Secret secret) {
    }

    @Test
    void aSecretPrintsMaskedAloneAndInsideARecord() {
        Secret secret = new Secret("s3cr3t-value");

        assertThat(secret.value()).isEqualTo("s3cr3t-value");
        assertThat(secret).hasToString("****");
        assertThat(new Holder("id", secret)).hasToString("Holder[name=id, secret=****]");
    }

    @Test
    void aBlankSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new Secret("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a secret must not be blank");
        assertThatThrownBy(() -> new Secret(null)).isInstanceOf(NullPointerException.class);
    }
}
