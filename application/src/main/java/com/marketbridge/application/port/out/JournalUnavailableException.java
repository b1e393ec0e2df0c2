package com.marketbridge.application.port.out;

import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.util.Objects;

/**
 * What the journal, and the stores kept beside it ({@link Subscriptions}, {@link ExtensionReservations}), throw
 * while they cannot be written: a full disk, a read-only file, a database that closed itself after a failed write.
 * The work is not lost for it: what was journaled before is done once the journal takes writes again. The message
 * names the problem without paths, fit for the buyer.
 */
public final class JournalUnavailableException extends RuntimeException {

    /** The store cannot be written for {@code problem}, a short description without paths or secrets. */
    public JournalUnavailableException(String problem) {
        super(Objects.requireNonNull(problem, "'problem' must not be null"));
    }

    /**
     * The answer to a notification the connector could not journal, or look up in the journal: true whether or not
     * an earlier delivery of the event was journaled, and it names the problem for the buyer.
     */
    public Outcome.Failed toOutcome() {
        return new Outcome.Failed(FailureReason.CONFIGURATION_ERROR, "The connector's storage is unavailable ("
                + getMessage() + "), so it cannot take events now and did nothing for this notification; "
                + "the event is handled when it is sent again once the storage is back.");
    }
}
