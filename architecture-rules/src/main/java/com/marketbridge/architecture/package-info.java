/**
 * ArchUnit rules for code built on MarketBridge: {@link com.marketbridge.architecture.ConnectorArchitecture}, and the
 * libraries it keeps in adapters, {@link com.marketbridge.architecture.AdapterLibrary}.
 */
package com.marketbridge.architecture;
