package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.ExtensionReservations;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reservations in a map per location: extension to holder, {@link #ELSEWHERE} for numbers used outside. */
public final class InMemoryExtensionReservations implements ExtensionReservations {

    private static final String ELSEWHERE = "";

    private final Map<String, Map<String, String>> byLocation = new HashMap<>();

    @Override
    public synchronized Set<String> taken(String locationId) {
        return Set.copyOf(at(locationId).keySet());
    }

    @Override
    public synchronized boolean reserve(String locationId, String extension, String holder) {
        Objects.requireNonNull(holder, "'holder' must not be null");
        return at(locationId).putIfAbsent(extension, holder) == null;
    }

    @Override
    public synchronized Optional<String> heldBy(String locationId, String holder) {
        return at(locationId).entrySet().stream().filter(entry -> entry.getValue().equals(holder))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized void usedElsewhere(String locationId, String extension) {
        at(locationId).put(extension, ELSEWHERE);
    }

    @Override
    public synchronized void release(String locationId, String holder) {
        at(locationId).values().removeIf(holder::equals);
    }

    private Map<String, String> at(String locationId) {
        return byLocation.computeIfAbsent(locationId, id -> new HashMap<>());
    }
}
