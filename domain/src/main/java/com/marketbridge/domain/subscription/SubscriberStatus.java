package com.marketbridge.domain.subscription;

import java.util.Locale;

/** A wholesale subscriber's status; {@code PENDING_USER_MIGRATION} waits for the user's consent and is not success. */
public enum SubscriberStatus {
    /** The subscriber has the package. */
    PROVISIONED,
    /** Webex waits for the user to move their free account into the organization. */
    PENDING_USER_MIGRATION,
    /** Any other status Webex reports. */
    OTHER;

    /** Reads Webex's wire value ({@code provisioned}); anything unrecognised, null included, is {@link #OTHER}. */
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
