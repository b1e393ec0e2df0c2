package com.marketbridge.domain.subscription;

import java.util.Objects;

import java.util.Optional;

/**
 * A user of a Webex customer with one wholesale package; {@code personId}, the user's Webex person, is known once
 * Webex has provisioned the subscriber (null before). Everything else is required.
 */
public record WebexSubscriber(String id, String customerId, String email, String packageName, SubscriberStatus status,
                              String personId) {

    public WebexSubscriber {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(customerId, "'customerId' must not be null");
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(packageName, "'packageName' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
    }

    /** A subscriber whose person Webex has not named (yet). */
    public WebexSubscriber(String id, String customerId, String email, String packageName, SubscriberStatus status) {
        this(id, customerId, email, packageName, status, null);
    }

    /** The user's Webex person, once Webex named it. */
    public Optional<String> optionalPersonId() {
        return Optional.ofNullable(personId);
    }
}
