package com.marketbridge.domain.event;

import java.util.Objects;

/** The marketplace's unique id of one event: the last path segment of its event URL; not blank, without {@code /}. */
public record EventToken(String value) {

    public EventToken {
        Objects.requireNonNull(value, "'value' must not be null");
        if (value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException("an event token is one non-blank path segment, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
