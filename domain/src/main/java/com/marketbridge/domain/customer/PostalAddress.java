package com.marketbridge.domain.customer;

import java.util.Objects;

/**
 * A postal address as the Webex customer and its calling location need it. Line 1, city and country are required and not
 * blank; state and zip may be empty (null becomes empty).
 */
public record PostalAddress(String line1, String city, String state, String zip, String country) {

    public PostalAddress {
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(country, "country");
        state = state == null ? "" : state;
        zip = zip == null ? "" : zip;
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, "'" + name + "' must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must not be blank");
        }
    }
}
