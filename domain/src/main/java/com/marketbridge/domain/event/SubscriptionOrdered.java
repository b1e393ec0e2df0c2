package com.marketbridge.domain.event;

import java.util.Objects;

/** A company bought an edition; the creator is the buyer and becomes its first subscriber. */
public record SubscriptionOrdered(EventToken token, EventFlag flag, Company company, MarketplaceUser creator, Order order)
        implements MarketplaceEvent {

    public SubscriptionOrdered {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(company, "'company' must not be null");
        Objects.requireNonNull(creator, "'creator' must not be null");
        Objects.requireNonNull(order, "'order' must not be null");
    }

    @Override
    public String type() {
        return "SUBSCRIPTION_ORDER";
    }
}
