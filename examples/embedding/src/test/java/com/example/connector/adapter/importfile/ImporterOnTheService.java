package com.example.connector.adapter.importfile;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.service.HandleMarketplaceEventService;
import com.marketbridge.domain.outcome.Outcome;

/** A shortcut the rules forbid: the import calling MarketBridge's internal service instead of its port. */
final class ImporterOnTheService {

    private final HandleMarketplaceEventService service;

    ImporterOnTheService(HandleMarketplaceEventService service) {
        this.service = service;
    }

    Outcome handle(HandleMarketplaceEventCommand command) {
        return service.handle(command);
    }
}
