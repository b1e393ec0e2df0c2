package com.marketbridge.application.port.out;

import com.marketbridge.domain.outcome.Outcome;

/**
 * The marketplace's wording of an outcome: the answer body it expects, synchronously or as an
 * asynchronous result. The one place where failure reasons become marketplace error codes.
 */
public interface MarketplaceAnswers {

    /** The marketplace's answer for the outcome, synchronous or posted. */
    Answer answer(Outcome outcome);

    /** {@code accountIdentifier} and {@code errorCode} are null where the marketplace expects none. */
    record Answer(boolean success, String accountIdentifier, String errorCode, String message) {
    }
}
