/**
 * The subscription, the unit every event after the order acts on: its identity
 * ({@link com.marketbridge.domain.subscription.SubscriptionAccount}), what the connector records of it and its users
 * ({@link com.marketbridge.domain.subscription.Subscription}, {@link com.marketbridge.domain.subscription.SubscriptionUser}),
 * their Webex subscribers and, for calling packages, where they live in Webex Calling.
 *
 * <p>Values are immutable; a change returns a new value. A constructor throws {@link java.lang.NullPointerException} for
 * a required component that is null and {@link java.lang.IllegalArgumentException} for one that breaks the type's
 * invariants.
 */
package com.marketbridge.domain.subscription;
