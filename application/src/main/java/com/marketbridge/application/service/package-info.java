/**
 * Internal: the implementation of the use case, how events are fulfilled ({@code fulfilment}) and scheduled
 * ({@code scheduling}). Not part of the published API: it changes without notice, and {@code ConnectorArchitecture}
 * fails code outside MarketBridge that uses it. Connectors start it through
 * {@link com.marketbridge.application.embedding.EmbeddedConnector}.
 */
package com.marketbridge.application.service;
