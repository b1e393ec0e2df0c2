package com.marketbridge.domain.event;

/** What a subscription notice announces; {@code OTHER} keeps parsing alive when the marketplace adds one. */
public enum NoticeType {
    DEACTIVATED,
    REACTIVATED,
    CLOSED,
    UPCOMING_INVOICE,
    OTHER
}
