/**
 * The driven ports: what a connector implements, each an interface, for the marketplace
 * ({@link com.marketbridge.application.port.out.MarketplaceCredentials},
 * {@link com.marketbridge.application.port.out.MarketplaceEvents},
 * {@link com.marketbridge.application.port.out.MarketplaceResults},
 * {@link com.marketbridge.application.port.out.MarketplaceAnswers}), for Webex Wholesale
 * ({@code Webex...}) and for the connector's own store ({@link com.marketbridge.application.port.out.EventJournal},
 * {@link com.marketbridge.application.port.out.Subscriptions},
 * {@link com.marketbridge.application.port.out.ExtensionReservations},
 * {@link com.marketbridge.application.port.out.KnownCustomers},
 * {@link com.marketbridge.application.port.out.LaneLeases}), and for monitoring
 * ({@link com.marketbridge.application.port.out.FulfilmentMetrics}, optional: {@code FulfilmentMetrics.NONE} reports
 * nothing).
 *
 * <p>What they throw: an upstream port throws {@link com.marketbridge.application.port.out.UpstreamException} when its
 * upstream failed the call, with a {@link com.marketbridge.domain.outcome.FailureReason} (an event then fails with it,
 * or waits and is tried again for {@code UPSTREAM_UNAVAILABLE}); a store throws
 * {@link com.marketbridge.application.port.out.JournalUnavailableException} while it cannot be written (the work is
 * done once it can). Anything else is a defect: the event fails with {@code INTERNAL_ERROR} and a reference to the log.
 * Messages never hold a secret. Published API: a breaking change is announced (docs/embedding.md, Versioning).
 */
package com.marketbridge.application.port.out;
