package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.ExtensionReservations;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The extensions taken at each location, in memory: by location and extension, the holder (null: used elsewhere). */
public final class InMemoryExtensionReservations implements ExtensionReservations {

    private final Map<String, Map<String, String>> holders = new HashMap<>();

    @Override
    public synchronized Set<String> taken(String locationId) {
        return Set.copyOf(at(locationId).keySet());
    }

    @Override
    public synchronized boolean reserve(String locationId, String extension, String holder) {
        return at(locationId).putIfAbsent(extension, holder) == null;
    }

    @Override
    public synchronized Optional<String> heldBy(String locationId, String holder) {
        return at(locationId).entrySet().stream().filter(taken -> holder.equals(taken.getValue()))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized void usedElsewhere(String locationId, String extension) {
        at(locationId).put(extension, null);
    }

    @Override
    public synchronized void release(String locationId, String holder) {
        at(locationId).values().removeIf(held -> Objects.equals(held, holder));
    }

    private Map<String, String> at(String locationId) {
        return holders.computeIfAbsent(locationId, key -> new HashMap<>());
    }
}
