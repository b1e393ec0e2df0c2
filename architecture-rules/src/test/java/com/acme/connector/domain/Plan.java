package com.acme.connector.domain;

import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.EditionLookup;

/** Fixture: domain-facing code as the rules want it, plain Java on MarketBridge's domain. */
public record Plan(String editionCode) {

    public boolean isSold(EditionCatalog catalog) {
        return catalog.lookup(editionCode) instanceof EditionLookup.Known;
    }
}
