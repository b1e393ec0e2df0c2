package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.subscription.ExtensionRange;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How events are fulfilled: the edition catalog, the template of new customers, how long one event
 * may wait for a customer that Webex is still provisioning (polling every {@code pollInterval}), what
 * a DEACTIVATED notice does, and the range new calling users' extensions are taken from.
 */
public record FulfilmentSettings(EditionCatalog catalog, CustomerTemplate template, Duration provisioningWait,
                                 Duration pollInterval, Clock clock, Sleeper sleeper, DeactivationPolicy deactivation,
                                 ExtensionRange extensions) {

    /** With the default deactivation policy, {@link DeactivationPolicy#REMOVE}, and extensions 2000-8999. */
    public FulfilmentSettings(EditionCatalog catalog, CustomerTemplate template, Duration provisioningWait,
                              Duration pollInterval, Clock clock, Sleeper sleeper) {
        this(catalog, template, provisioningWait, pollInterval, clock, sleeper, DeactivationPolicy.REMOVE,
                ExtensionRange.DEFAULT);
    }

    public FulfilmentSettings {
        Objects.requireNonNull(catalog, "'catalog' must not be null");
        Objects.requireNonNull(template, "'template' must not be null");
        Objects.requireNonNull(provisioningWait, "'provisioningWait' must not be null");
        Objects.requireNonNull(pollInterval, "'pollInterval' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        Objects.requireNonNull(sleeper, "'sleeper' must not be null");
        Objects.requireNonNull(deactivation, "'deactivation' must not be null");
        Objects.requireNonNull(extensions, "'extensions' must not be null");
        if (provisioningWait.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("'provisioningWait' must not be negative and 'pollInterval' must be positive");
        }
    }
}
