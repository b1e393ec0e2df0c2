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

    public JournalUnavailableException(String problem) {
        super(Objects.requireNonNull(problem, "'problem' must not be null"));
    }

    /** The answer to a notification whose event could not be journaled: nothing was done for it. */
    public Outcome.Failed toOutcome() {
        return new Outcome.Failed(FailureReason.CONFIGURATION_ERROR, "The connector's storage is unavailable ("
                + getMessage() + "), so it could not record this event and did nothing for it; "
                + "the event is carried out when it is sent again once the connector's storage is back.");
    }
}
