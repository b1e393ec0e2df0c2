package com.marketbridge.domain.event;

import java.util.Objects;

/** A user's details (e.g. names) changed on the marketplace. The creator is the acting admin and may be absent. */
public record UserUpdated(EventToken token, EventFlag flag, String accountIdentifier, MarketplaceUser user, MarketplaceUser creator)
        implements AccountEvent {

    public UserUpdated {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
        Objects.requireNonNull(user, "'user' must not be null");
    }

    @Override
    public String type() {
        return "USER_UPDATED";
    }
}
