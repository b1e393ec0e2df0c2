package com.marketbridge.application.service.scheduling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One company's events in arrival order, and which of them may run now. An event that must run alone (it may
 * create the company's Webex customer: see {@link SideBySide}) waits for every event before it and holds back
 * every event after it. Other events run side by side, except that events of one subscription
 * still run one at a time in arrival order.
 *
 * <p>Not thread-safe: the worker guards it.
 *
 * @param <T> the work queued
 */
final class CompanyLane<T> {

    private final List<Slot<T>> slots = new ArrayList<>();

    void add(T work, String subscription, boolean alone) {
        slots.add(new Slot<>(work, subscription, alone));
    }

    /** The queued work that may start now, in arrival order; it counts as running until {@link #finish}ed. */
    List<T> startable() {
        List<T> start = new ArrayList<>();
        Set<String> subscriptionsAhead = new HashSet<>();
        for (Slot<T> slot : slots) {
            if (slot.alone) {
                if (subscriptionsAhead.isEmpty() && !slot.running) {
                    slot.running = true;
                    start.add(slot.work);
                }
                break;
            }
            if (!slot.running && !subscriptionsAhead.contains(slot.subscription)) {
                slot.running = true;
                start.add(slot.work);
            }
            subscriptionsAhead.add(slot.subscription);
        }
        return start;
    }

    /** All the work queued, running or not, in arrival order. */
    List<T> queued() {
        return slots.stream().map(slot -> slot.work).toList();
    }

    void finish(T work) {
        slots.removeIf(slot -> slot.work == work);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    private static final class Slot<T> {
        private final T work;
        private final String subscription;
        private final boolean alone;
        private boolean running;

        Slot(T work, String subscription, boolean alone) {
            this.work = work;
            this.subscription = subscription;
            this.alone = alone;
        }
    }
}
