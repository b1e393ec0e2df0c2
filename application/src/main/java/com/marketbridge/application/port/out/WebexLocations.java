package com.marketbridge.application.port.out;

import com.marketbridge.domain.customer.PostalAddress;
import java.util.Optional;

/** The locations of a customer's Webex organization, where calling users live. */
public interface WebexLocations {

    /** The location at {@code address}, else the organization's first; empty when it has none. */
    Optional<String> locationIdFor(String orgId, PostalAddress address);
}
