package com.marketbridge.domain.event;

import java.util.Objects;

/** A user is added to the subscription identified by the account. The creator is the acting admin and may be absent. */
public record UserAssigned(EventToken token, EventFlag flag, String accountIdentifier, MarketplaceUser user, MarketplaceUser creator)
        implements AccountEvent {

    public UserAssigned {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
        Objects.requireNonNull(user, "'user' must not be null");
    }

    @Override
    public String type() {
        return "USER_ASSIGNMENT";
    }
}
