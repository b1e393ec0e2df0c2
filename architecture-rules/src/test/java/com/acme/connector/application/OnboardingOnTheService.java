package com.acme.connector.application;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.service.HandleMarketplaceEventService;
import com.marketbridge.domain.outcome.Outcome;

/** Fixture: reaches past the port into MarketBridge's internal service. */
public final class OnboardingOnTheService {

    public static Outcome handle(HandleMarketplaceEventService service, HandleMarketplaceEventCommand command) {
        return service.handle(command);
    }
}
