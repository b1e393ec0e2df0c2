package com.marketbridge.domain.outcome;

/**
 * Why an event could not be fulfilled: a closed set, each mapped onto one marketplace error code by the
 * marketplace adapter.
 */
public enum FailureReason {
    /** The notification's credentials or signature did not verify. */
    UNAUTHORIZED,
    /** The event URL, or the event behind it, is malformed or misses a required field. */
    INVALID_EVENT,
    /** The marketplace no longer has the event (404/410). */
    EVENT_NOT_FOUND,
    /** The subscriber's email already belongs to a Webex user. */
    USER_ALREADY_EXISTS,
    /** The subscriber the event acts on is not in Webex. */
    USER_NOT_FOUND,
    /** The subscription has no free seat for another user. */
    MAX_USERS_REACHED,
    /** The account (subscription or company) the event refers to is not in Webex. */
    ACCOUNT_NOT_FOUND,
    /** The edition is not mapped to a Webex package. */
    UNKNOWN_EDITION,
    /** The connector's settings or credentials cannot do this (unsupported event type, rejected token, no location). */
    CONFIGURATION_ERROR,
    /** An upstream could not be reached or kept failing; trying later may work. */
    UPSTREAM_UNAVAILABLE,
    /** Webex refused a user's extension as used at the location by someone else. */
    EXTENSION_TAKEN,
    /** Webex refused the request; its message and tracking id say why. */
    UPSTREAM_REJECTED,
    /** A defect in the connector itself; its log has the details under the reference in the message. */
    INTERNAL_ERROR
}
