package com.marketbridge.domain.customer;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a Webex Wholesale customer, with the statuses Webex reports and the moves between them.
 *
 * <p>Which statuses are terminal is inferred from the contract (Webex documents the statuses, not the
 * graph); this enum is the one place to correct it.
 */
public enum CustomerStatus {
    /** Webex is creating the organization. */
    PROVISIONING,
    /** The organization exists: subscribers can be added. */
    PROVISIONED,
    /** Webex gave up part of the set-up; its errors say which. */
    PROVISIONED_WITH_ERRORS,
    /** Webex is changing the customer. */
    UPDATING,
    /** Webex is removing the customer. */
    DELETING,
    /** Webex failed; its errors say why. */
    ERROR,
    /** Waiting for a human denied-party-list review at Cisco: may take days. */
    PENDING_RPL_REVIEW,
    /** A status this connector does not know yet; treated as still in progress. */
    UNKNOWN;

    private static final Map<CustomerStatus, Set<CustomerStatus>> NEXT = Map.of(
            PROVISIONING, EnumSet.of(PROVISIONING, PROVISIONED, PROVISIONED_WITH_ERRORS, ERROR, PENDING_RPL_REVIEW),
            PENDING_RPL_REVIEW, EnumSet.of(PENDING_RPL_REVIEW, PROVISIONING, PROVISIONED, PROVISIONED_WITH_ERRORS, ERROR),
            PROVISIONED, EnumSet.of(PROVISIONED, UPDATING, DELETING),
            PROVISIONED_WITH_ERRORS, EnumSet.of(PROVISIONED_WITH_ERRORS, UPDATING, DELETING),
            UPDATING, EnumSet.of(UPDATING, PROVISIONED, PROVISIONED_WITH_ERRORS, ERROR),
            ERROR, EnumSet.of(ERROR, UPDATING, DELETING),
            DELETING, EnumSet.of(DELETING),
            UNKNOWN, EnumSet.allOf(CustomerStatus.class));

    /** Reads Webex's wire value ({@code provisioned_with_errors}); anything unrecognised is {@link #UNKNOWN}. */
    public static CustomerStatus fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The status as Webex writes it, e.g. {@code provisioned_with_errors}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether Webex may report {@code next} after this status; {@link #UNKNOWN} is always possible, both ways. */
    public boolean canMoveTo(CustomerStatus next) {
        return next == UNKNOWN || NEXT.get(this).contains(next);
    }

    /** Subscribers can be added: the organization exists and is not being torn down or reworked. */
    public boolean acceptsSubscribers() {
        return this == PROVISIONED;
    }

    /** Webex gave up: waiting longer will not make subscribers possible. */
    public boolean isFailed() {
        return this == ERROR || this == PROVISIONED_WITH_ERRORS || this == DELETING;
    }

    /** Webex is still working; asking again later may find the customer ready. */
    public boolean isInProgress() {
        return !acceptsSubscribers() && !isFailed();
    }
}
