package com.marketbridge.application.port.out;

import java.util.Optional;

/** Extensions (short internal numbers) of a Webex Calling location. */
public interface WebexExtensions {

    /** A free extension at the location, chosen deterministically; empty when the configured range is full. */
    Optional<String> findFree(String orgId, String locationId);
}
