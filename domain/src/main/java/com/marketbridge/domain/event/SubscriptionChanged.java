package com.marketbridge.domain.event;

import java.util.Objects;
import java.util.Optional;

/** The subscription identified by the account moves to another edition. The creator may be absent. */
public record SubscriptionChanged(EventToken token, EventFlag flag, String accountIdentifier, MarketplaceUser creator, Order order)
        implements AccountEvent {

    public SubscriptionChanged {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
        Objects.requireNonNull(order, "'order' must not be null");
    }

    /** The admin who acted, if the marketplace named one. */
    public Optional<MarketplaceUser> optionalCreator() {
        return Optional.ofNullable(creator);
    }

    @Override
    public String type() {
        return "SUBSCRIPTION_CHANGE";
    }
}
