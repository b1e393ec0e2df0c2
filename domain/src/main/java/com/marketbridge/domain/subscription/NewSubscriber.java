package com.marketbridge.domain.subscription;

import com.marketbridge.domain.edition.WebexPackage;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscriber to create in a Webex customer. Customer id, email and package are required; names may be null. A
 * calling package requires its {@link CallingAssignment}.
 */
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

    /** Where the subscriber lives in Webex Calling, for a calling package. */
    public Optional<CallingAssignment> optionalCalling() {
        return Optional.ofNullable(calling);
    }
}
