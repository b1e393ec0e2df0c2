package com.acme.connector.application;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.domain.outcome.Outcome;

/** Acme's use of MarketBridge's driving port: a notification in, whether the customer is onboarded out. */
public final class Onboarding {

    private final HandleMarketplaceEventUseCase useCase;

    public Onboarding(HandleMarketplaceEventUseCase useCase) {
        this.useCase = useCase;
    }

    public boolean onboard(HandleMarketplaceEventCommand command) {
        return useCase.handle(command) instanceof Outcome.Completed;
    }
}
