package com.marketbridge.domain.customer;

import java.util.List;
import java.util.Objects;

/**
 * What every new Webex customer gets from the partner's settings: the Partner Hub provisioning template,
 * the packages, the address of its first location and its time zone. All are required, and at least one package
 * (the list is copied).
 */
public record CustomerTemplate(String provisioningId, List<String> packages, PostalAddress address, String timezone) {

    public CustomerTemplate {
        Objects.requireNonNull(provisioningId, "'provisioningId' must not be null");
        Objects.requireNonNull(address, "'address' must not be null");
        Objects.requireNonNull(timezone, "'timezone' must not be null");
        packages = List.copyOf(Objects.requireNonNull(packages, "'packages' must not be null"));
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("a customer template needs at least one package");
        }
    }
}
