/**
 * The published entry point: {@link com.marketbridge.application.embedding.EmbeddedConnector} wires the use case
 * from the driven ports a connector implements. With {@code com.marketbridge.domain..} and
 * {@code com.marketbridge.application.port..} it is all that code outside MarketBridge may use
 * ({@code ConnectorArchitecture} checks it); see docs/embedding.md.
 */
package com.marketbridge.application.embedding;
