package com.marketbridge.domain.event;

import java.util.List;
import java.util.Objects;

/** What was bought: the edition and the quantities of its items (copied; may be empty). Both are required. */
public record Order(String editionCode, List<OrderItem> items) {

    public Order {
        Objects.requireNonNull(editionCode, "'editionCode' must not be null");
        items = List.copyOf(Objects.requireNonNull(items, "'items' must not be null"));
    }
}
