package com.marketbridge.domain.event;

import java.util.Objects;

/** The marketplace tells the subscription's state changed (suspended, restored, closed, invoiced). */
public record SubscriptionNoticed(EventToken token, EventFlag flag, String accountIdentifier, NoticeType notice, String message)
        implements AccountEvent {

    public SubscriptionNoticed {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(flag, "'flag' must not be null");
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
        Objects.requireNonNull(notice, "'notice' must not be null");
    }

    @Override
    public String type() {
        return "SUBSCRIPTION_NOTICE";
    }

    @Override
    public boolean answeredSynchronouslyOnly() {
        return true;
    }
}
