package com.marketbridge.domain.credential;

import java.util.Objects;

/**
 * A password, client secret or token. Its {@link #toString()} is {@code ****}, so settings that hold one can be printed
 * as they are: the value comes out only where it is sent, through {@link #value()}. The value is required and not
 * blank.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "'value' must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "****";
    }
}
