package com.marketbridge.domain.customer;

import java.util.Objects;
import java.util.Optional;

/**
 * A Webex customer to create for a company: its external id (the marketplace company uuid), name and
 * primary email, the buyer's locale for its language, the partner's template, and whether its packages
 * need a calling location. External id, name, primary email and template are required; the locale may be null or
 * blank (none).
 */
public record NewCustomer(String externalId, String name, String primaryEmail, String locale,
                          CustomerTemplate template, boolean callingLocation) {

    public NewCustomer {
        Objects.requireNonNull(externalId, "'externalId' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(primaryEmail, "'primaryEmail' must not be null");
        Objects.requireNonNull(template, "'template' must not be null");
    }

    /** The locale, unless none or blank. */
    public Optional<String> optionalLocale() {
        return Optional.ofNullable(locale).filter(l -> !l.isBlank());
    }
}
