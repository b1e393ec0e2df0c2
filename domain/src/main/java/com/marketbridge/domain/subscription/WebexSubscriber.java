package com.marketbridge.domain.subscription;

import java.util.Objects;

/** A user of a Webex customer with one wholesale package. */
public record WebexSubscriber(String id, String customerId, String email, String packageName, SubscriberStatus status) {

    public WebexSubscriber {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(customerId, "'customerId' must not be null");
        Objects.requireNonNull(email, "'email' must not be null");
        Objects.requireNonNull(packageName, "'packageName' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
    }
}
