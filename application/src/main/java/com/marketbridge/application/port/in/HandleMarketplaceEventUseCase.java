package com.marketbridge.application.port.in;

import com.marketbridge.domain.outcome.Outcome;

/** The driving port: verify a marketplace notification, fetch its event and fulfil it in Webex. */
public interface HandleMarketplaceEventUseCase {

    /** Never throws for business or upstream failures: they are {@link Outcome.Failed} values. */
    Outcome handle(HandleMarketplaceEventCommand command);
}
