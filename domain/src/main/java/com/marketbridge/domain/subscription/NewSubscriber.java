package com.marketbridge.domain.subscription;

import com.marketbridge.domain.edition.WebexPackage;
import java.util.Objects;
import java.util.Optional;

/** A subscriber to create in a Webex customer; calling packages carry their {@link CallingAssignment}. */
public record NewSubscriber(String customerId, String email, String firstName, String lastName,
                            WebexPackage webexPackage, CallingAssignment calling) {

    public NewSubscriber {
        Objects.requireNonNull(customerId, "'customerId' must not be null");
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(webexPackage, "'webexPackage' must not be null");
        if (webexPackage.calling() && calling == null) {
            throw new IllegalArgumentException("calling package '" + webexPackage + "' needs a location and an extension");
        }
    }

    public Optional<CallingAssignment> optionalCalling() {
        return Optional.ofNullable(calling);
    }
}
