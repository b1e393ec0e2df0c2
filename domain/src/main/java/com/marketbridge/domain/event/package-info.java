/**
 * The marketplace's events, as fetched from their event URL: one sealed hierarchy under
 * {@link com.marketbridge.domain.event.MarketplaceEvent}, so a switch over it is exhaustive, with the company, users
 * and order they carry. An event type MarketBridge does not handle is a value too
 * ({@link com.marketbridge.domain.event.UnsupportedEvent}).
 *
 * <p>Values are immutable; a constructor throws {@link java.lang.NullPointerException} for a required component that is
 * null and {@link java.lang.IllegalArgumentException} for one that breaks the type's invariants. Components the
 * marketplace often leaves out may be null; their {@code optional...} accessors say so.
 */
package com.marketbridge.domain.event;
