package com.marketbridge.application.fake;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;

/** Accepts every notification until told to reject them; records {@code "credentials.verify <METHOD> <url>"}. */
public final class FakeMarketplaceCredentials implements MarketplaceCredentials {

    private final CallLog log;
    private String rejection;

    public FakeMarketplaceCredentials(CallLog log) {
        this.log = log;
    }

    /** From now on every notification is rejected for {@code reason}. */
    public synchronized FakeMarketplaceCredentials reject(String reason) {
        this.rejection = reason;
        return this;
    }

    @Override
    public synchronized Verification verify(InboundNotification notification) {
        log.record("credentials.verify", notification.method(), notification.url());
        return rejection == null ? Verification.accepted() : Verification.rejected(rejection);
    }
}
