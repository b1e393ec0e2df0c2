package com.marketbridge.domain.subscription;

import java.util.Objects;

/**
 * Where a calling subscriber lives in Webex Calling: a location of its customer and a free extension there. Both are
 * required; the extension is one or more digits.
 */
public record CallingAssignment(String locationId, String extension) {

    public CallingAssignment {
        Objects.requireNonNull(locationId, "'locationId' must not be null");
        Objects.requireNonNull(extension, "'extension' must not be null");
        if (!extension.chars().allMatch(Character::isDigit) || extension.isEmpty()) {
            throw new IllegalArgumentException("an extension is digits only, got '" + extension + "'");
        }
    }
}
