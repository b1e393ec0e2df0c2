package com.marketbridge.domain.subscription;

import java.util.Locale;

/** A wholesale subscriber's status; {@code PENDING_USER_MIGRATION} waits for the user's consent and is not success. */
public enum SubscriberStatus {
    PROVISIONED,
    PENDING_USER_MIGRATION,
    OTHER;

    public static SubscriberStatus fromWire(String value) {
        if (value == null) {
            return OTHER;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
