package com.marketbridge.domain.event;

import java.util.Objects;
import java.util.Optional;

/** A person on the marketplace: the buyer, the admin acting, or the user being assigned. Only the email is required. */
public record MarketplaceUser(String uuid, String email, String firstName, String lastName, String locale) {

    public MarketplaceUser {
        Objects.requireNonNull(email, "'email' must not be null");
        if (email.isBlank()) {
            throw new IllegalArgumentException("'email' must not be blank");
        }
    }

    /** The locale as the marketplace wrote it ({@code en-US} or {@code en_US}), if any. */
    public Optional<String> optionalLocale() {
        return Optional.ofNullable(locale).filter(l -> !l.isBlank());
    }
}
