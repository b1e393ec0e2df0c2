package com.marketbridge.domain.event;

import java.util.Objects;

/** One priced line of an order, e.g. 10 of unit {@code USER}. The unit is an open-ended marketplace string, required; the quantity is not negative. */
public record OrderItem(String unit, long quantity) {

    public OrderItem {
        Objects.requireNonNull(unit, "'unit' must not be null");
        if (quantity < 0) {
            throw new IllegalArgumentException("'quantity' must not be negative, got " + quantity);
        }
    }
}
