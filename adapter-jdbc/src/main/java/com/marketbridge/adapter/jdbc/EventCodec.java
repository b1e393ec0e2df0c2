package com.marketbridge.adapter.jdbc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a marketplace event as JSON text and reads it back, wrapped as {@code {"class": ..., "event": ...}}
 * because the sealed interface alone does not say which record to build.
 */
final class EventCodec {

    /*
     * An explicit table rather than Class.forName: what a journal row can turn into is decided here, and a
     * renamed record fails a test instead of silently orphaning the rows written before.
     */
    static final Map<String, Class<? extends MarketplaceEvent>> CLASSES = List.<Class<? extends MarketplaceEvent>>of(
                    SubscriptionOrdered.class, SubscriptionChanged.class, SubscriptionCancelled.class,
                    SubscriptionNoticed.class, UserAssigned.class, UserUnassigned.class, UserUpdated.class,
                    UnsupportedEvent.class)
            .stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final String CLASS = "class";
    private static final String EVENT = "event";

    // Records are read through their canonical constructors, so the domain's own validation runs on every read.
    // Only record components and bean getters are properties: helpers such as optionalLocale() are neither.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    String encode(MarketplaceEvent event) {
        String name = event.getClass().getSimpleName();
        if (CLASSES.get(name) != event.getClass()) {
            throw new IllegalStateException("the journal cannot store a " + event.getClass().getName()
                    + ": add it to " + EventCodec.class.getSimpleName() + ".CLASSES");
        }
        try {
            // in one pass: building a tree of the event first, then writing the tree, cost twice as much
            return mapper.writeValueAsString(new Stored(name, event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.token() + " could not be written as JSON", e);
        }
    }

    /** The wrapper as written: the event's own properties under {@code event}, whatever its record. */
    @JsonPropertyOrder({CLASS, EVENT})
    private record Stored(@JsonProperty(CLASS) String name, @JsonProperty(EVENT) Object event) {
    }

    MarketplaceEvent decode(String json) {
        try {
            JsonNode wrapper = mapper.readTree(json);
            String name = wrapper.path(CLASS).asText("");
            Class<? extends MarketplaceEvent> type = CLASSES.get(name);
            if (type == null || !wrapper.hasNonNull(EVENT)) {
                throw new IllegalStateException("a journaled event names no known class: '" + name + "'");
            }
            return mapper.treeToValue(wrapper.get(EVENT), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("a journaled event could not be read back: " + e.getMessage(), e);
        }
    }
}
