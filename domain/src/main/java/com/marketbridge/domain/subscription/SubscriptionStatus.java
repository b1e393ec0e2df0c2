package com.marketbridge.domain.subscription;

/** Where a subscription stands: in use, suspended by the marketplace (its users kept), or ended. */
public enum SubscriptionStatus {
    /** In use: its users have their Webex subscribers. */
    ACTIVE,
    /** Deactivated by the marketplace: its users' subscribers are removed, their record kept for a reactivation. */
    SUSPENDED,
    /** Ended; ordering again under the same identifier starts over. */
    CANCELLED
}
