package com.marketbridge.domain.edition;

import java.util.Objects;

/**
 * A Webex Wholesale package such as {@code webex_meetings}. Calling packages need an extension at one of
 * the customer's locations when a subscriber gets them. The name is required and not blank.
 */
public record WebexPackage(String name, boolean calling) {

    public WebexPackage {
        Objects.requireNonNull(name, "'name' must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("'name' must not be blank");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
