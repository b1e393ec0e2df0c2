package com.marketbridge.adapter.appdirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.port.out.MarketplaceAnswers.Answer;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnswersAdapterTest {

    /** The expected code per reason, written out independently of the adapter; a new reason fails until added. */
    private static final Map<FailureReason, String> EXPECTED = Map.ofEntries(
            Map.entry(FailureReason.UNAUTHORIZED, "UNAUTHORIZED"),
            Map.entry(FailureReason.INVALID_EVENT, "INVALID_RESPONSE"),
            Map.entry(FailureReason.EVENT_NOT_FOUND, "INVALID_RESPONSE"),
            Map.entry(FailureReason.USER_ALREADY_EXISTS, "USER_ALREADY_EXISTS"),
            Map.entry(FailureReason.USER_NOT_FOUND, "USER_NOT_FOUND"),
            Map.entry(FailureReason.ACCOUNT_NOT_FOUND, "ACCOUNT_NOT_FOUND"),
            Map.entry(FailureReason.MAX_USERS_REACHED, "MAX_USERS_REACHED"),
            Map.entry(FailureReason.UNKNOWN_EDITION, "CONFIGURATION_ERROR"),
            Map.entry(FailureReason.CONFIGURATION_ERROR, "CONFIGURATION_ERROR"),
            Map.entry(FailureReason.UPSTREAM_UNAVAILABLE, "TRANSPORT_ERROR"),
            Map.entry(FailureReason.UPSTREAM_REJECTED, "UNKNOWN_ERROR"),
            Map.entry(FailureReason.EXTENSION_TAKEN, "UNKNOWN_ERROR"),
            Map.entry(FailureReason.INTERNAL_ERROR, "UNKNOWN_ERROR"));

    private final MarketplaceAnswers answers = new AnswersAdapter();

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void everyFailureReasonHasItsDocumentedAppDirectErrorCode(FailureReason reason) {
        Answer answer = answers.answer(new Outcome.Failed(reason, "why"));

        assertThat(EXPECTED).containsKey(reason);
        assertThat(answer).isEqualTo(new Answer(false, null, EXPECTED.get(reason), "why"));
    }

    @Test
    void givenACompletedOutcome_answer_isASuccessWithTheAccount() {
        assertThat(answers.answer(new Outcome.Completed("ws-000123", "created")))
                .isEqualTo(new Answer(true, "ws-000123", null, "created"));
    }

    @Test
    void givenAnOutcomeInProgress_answer_isAnAcceptance() {
        assertThat(answers.answer(new Outcome.InProgress("accepted; the result will be posted")))
                .isEqualTo(new Answer(true, null, null, "accepted; the result will be posted"));
    }

    @Test
    void givenAFailureWithATrackingId_answer_keepsTheIdInTheMessage() {
        assertThat(answers.answer(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex refused", "ROUTER_123")).message())
                .isEqualTo("Webex refused (tracking id ROUTER_123)");
    }
}
