package com.marketbridge.domain.subscription;

/** Where a subscription stands: in use, suspended by the marketplace (its users kept), or ended. */
public enum SubscriptionStatus {
    ACTIVE,
    SUSPENDED,
    CANCELLED
}
