package com.marketbridge.domain.event;

import java.util.Objects;
import java.util.Optional;

/**
 * The buying company as the marketplace knows it. Its uuid is the external id of its Webex customer.
 * Uuid (not blank) and name are required; email, phone and country are often absent in real payloads (null).
 */
public record Company(String uuid, String name, String email, String phone, String country) {

    public Company {
        Objects.requireNonNull(uuid, "'uuid' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        if (uuid.isBlank()) {
            throw new IllegalArgumentException("'uuid' must not be blank");
        }
    }

    /** The company's email, unless none or blank. */
    public Optional<String> optionalEmail() {
        return Optional.ofNullable(email).filter(e -> !e.isBlank());
    }
}
