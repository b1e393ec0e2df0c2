package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;

/** Words an outcome as AppDirect's answer body; the one home of the failure reason → error code mapping. */
final class AnswersAdapter implements MarketplaceAnswers {

    /** The AppDirect error codes this connector sends: only doc-listed ones (contract §3.3). */
    enum ErrorCode {
        UNAUTHORIZED, INVALID_RESPONSE, USER_ALREADY_EXISTS, USER_NOT_FOUND, ACCOUNT_NOT_FOUND, MAX_USERS_REACHED,
        CONFIGURATION_ERROR, TRANSPORT_ERROR, UNKNOWN_ERROR;

        /** Exhaustive: a new failure reason does not compile until it is mapped here. */
        static ErrorCode of(FailureReason reason) {
            return switch (reason) {
                case UNAUTHORIZED -> UNAUTHORIZED;
                case INVALID_EVENT -> INVALID_RESPONSE;
                // the event could not be read, which is what INVALID_RESPONSE says; the SDK's NOT_FOUND is not
                // doc-listed, and TRANSPORT_ERROR/UNKNOWN_ERROR would suggest that retrying might help
                case EVENT_NOT_FOUND -> INVALID_RESPONSE;
                case USER_ALREADY_EXISTS -> USER_ALREADY_EXISTS;
                case USER_NOT_FOUND -> USER_NOT_FOUND;
                case ACCOUNT_NOT_FOUND -> ACCOUNT_NOT_FOUND;
                case MAX_USERS_REACHED -> MAX_USERS_REACHED;
                case UNKNOWN_EDITION, CONFIGURATION_ERROR -> CONFIGURATION_ERROR;
                case UPSTREAM_UNAVAILABLE -> TRANSPORT_ERROR;
                case UPSTREAM_REJECTED, EXTENSION_TAKEN, INTERNAL_ERROR -> UNKNOWN_ERROR;
            };
        }
    }

    @Override
    public Answer answer(Outcome outcome) {
        if (outcome instanceof Outcome.Completed completed) {
            return new Answer(true, completed.accountIdentifier(), null, completed.message());
        }
        if (outcome instanceof Outcome.InProgress inProgress) {
            // the body of a 202: the event is accepted and its result will be posted (contract §3.1, as the SDK answers)
            return new Answer(true, null, null, inProgress.message());
        }
        Outcome.Failed failed = (Outcome.Failed) outcome;
        // AppDirect's answer has no field for Webex's tracking id, yet support needs it next to the message
        String message = failed.optionalTrackingId()
                .filter(id -> !failed.message().contains(id))
                .map(id -> failed.message() + " (tracking id " + id + ")")
                .orElse(failed.message());
        return new Answer(false, null, ErrorCode.of(failed.reason()).name(), message);
    }
}
