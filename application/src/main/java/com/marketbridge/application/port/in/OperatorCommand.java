package com.marketbridge.application.port.in;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.TimelineEntry;
import java.util.Objects;

/**
 * An operator's action on one event, signed by who asks, with an optional note (required to resolve: a resolved event
 * is done with, and the note says how).
 */
public record OperatorCommand(EventToken token, TimelineEntry.Action action, String actor, String note) {

    public static final int MAX_NOTE_LENGTH = 1000;

    public OperatorCommand {
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(action, "'action' must not be null");
        Objects.requireNonNull(actor, "'actor' must not be null");
        if (note != null && note.isBlank()) {
            note = null;
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("'note' must be at most " + MAX_NOTE_LENGTH + " characters, got " + note.length());
        }
        if (note == null && action == TimelineEntry.Action.RESOLVE) {
            throw new IllegalArgumentException("'note' is required to resolve an event: say how it was handled");
        }
    }
}
