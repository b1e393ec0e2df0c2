/**
 * What the connector durably knows of each event it accepted: its {@link com.marketbridge.domain.journal.JournalEntry}
 * and the state machine it moves through, {@link com.marketbridge.domain.journal.EventState}.
 *
 * <p>Values are immutable; a transition returns a new entry. A constructor throws
 * {@link java.lang.NullPointerException} for a required component that is null and
 * {@link java.lang.IllegalArgumentException} for one that breaks the type's invariants; a transition the state machine
 * forbids throws {@link java.lang.IllegalStateException}.
 */
package com.marketbridge.domain.journal;
