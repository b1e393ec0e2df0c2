package com.marketbridge.domain.event;

/** What a subscription notice announces; {@code OTHER} keeps parsing alive when the marketplace adds one. */
public enum NoticeType {
    /** Suspended, e.g. for an unpaid invoice. */
    DEACTIVATED,
    /** Restored after a suspension. */
    REACTIVATED,
    /** Ended by the marketplace, as a cancel. */
    CLOSED,
    /** An invoice is coming; nothing to do. */
    UPCOMING_INVOICE,
    /** A notice MarketBridge does not know. */
    OTHER
}
