package com.marketbridge.domain.event;

/**
 * One event a marketplace sent about a subscription or its users, as fetched from its event URL.
 *
 * <p>Every type carries its {@link EventToken} and {@link EventFlag}; unknown types are a value too,
 * so the use cases answer them instead of failing on them.
 */
public sealed interface MarketplaceEvent
        permits SubscriptionOrdered, AccountEvent, UnsupportedEvent {

    /** The event's unique id: handling it again is answered, not done again. */
    EventToken token();

    /** Whether the event is live, a development test, or a ping that changes nothing. */
    EventFlag flag();

    /** The marketplace's name for this event type, e.g. {@code SUBSCRIPTION_ORDER}. */
    String type();

    /** The marketplace takes only a synchronous answer to this event, never a posted result (contract §4.2). */
    default boolean answeredSynchronouslyOnly() {
        return false;
    }
}
