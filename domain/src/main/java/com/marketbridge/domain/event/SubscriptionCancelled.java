package com.marketbridge.domain.event;

import java.util.Objects;
import java.util.Optional;

/** The subscription identified by the account ends. The creator (the acting admin) may be absent. */
public record SubscriptionCancelled(EventToken token, EventFlag flag, String accountIdentifier, MarketplaceUser creator)
        implements AccountEvent {

    public SubscriptionCancelled {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
    }

    /** The admin who acted, if the marketplace named one. */
    public Optional<MarketplaceUser> optionalCreator() {
        return Optional.ofNullable(creator);
    }

    @Override
    public String type() {
        return "SUBSCRIPTION_CANCEL";
    }
}
