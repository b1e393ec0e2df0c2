package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;

/**
 * Posts an asynchronous event's result, the same body as the synchronous answer, retrying 5xx and I/O failures
 * with exponential backoff until the caller's budget is spent ({@link WhileUnavailable}).
 */
final class ResultsAdapter implements MarketplaceResults {

    private final MarketplaceOrigin origin;
    private final AppDirectIntegrationApi api;
    private final AuthorizedCalls calls;
    private final MarketplaceAnswers answers;

    ResultsAdapter(MarketplaceOrigin origin, AppDirectIntegrationApi api, AuthorizedCalls calls, MarketplaceAnswers answers) {
        this.origin = origin;
        this.api = api;
        this.calls = calls;
        this.answers = answers;
    }

    @Override
    public void report(EventUrl event, Outcome outcome, Duration budget) {
        EventToken token = origin.tokenOf(event);
        ResultDto result = ResultDto.of(answers.answer(outcome));
        WhileUnavailable.retry("take the result of event " + token, budget,
                () -> calls.call("POST", origin.resultUri(token), authorization -> {
                    api.result(token.value(), authorization, result);
                    return null;
                }));
    }
}
