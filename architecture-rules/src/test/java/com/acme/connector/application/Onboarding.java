package com.acme.connector.application;

import com.marketbridge.application.embedding.EmbeddedConnector;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.domain.outcome.Outcome;

/** Fixture: MarketBridge used as published, through its entry point and its driving port. */
public final class Onboarding {

    public static Outcome handle(EmbeddedConnector connector, HandleMarketplaceEventCommand command) {
        return connector.useCase().handle(command);
    }
}
