/**
 * The driving port: what a connector calls. {@link com.marketbridge.application.port.in.HandleMarketplaceEventUseCase}
 * takes a marketplace notification and answers it with an {@link com.marketbridge.domain.outcome.Outcome}; get one
 * from {@link com.marketbridge.application.embedding.EmbeddedConnector}. Published API: a breaking change is announced
 * (docs/embedding.md, Versioning).
 */
package com.marketbridge.application.port.in;
