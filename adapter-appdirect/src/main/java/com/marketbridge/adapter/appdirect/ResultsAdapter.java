package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an asynchronous event's result, the same body as the synchronous answer, retrying 5xx and I/O failures
 * with exponential backoff until the caller's budget is spent.
 */
final class ResultsAdapter implements MarketplaceResults {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsAdapter.class);

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
        // the budget is measured on the monotonic clock: a settable wall clock must not stretch or cut it
        long deadline = System.nanoTime() + budget.toNanos();
        Duration pause = Inferred.RESULT_FIRST_BACKOFF;
        while (true) {
            try {
                calls.call("POST", origin.resultUri(token), authorization -> {
                    api.result(token.value(), authorization, result);
                    return null;
                });
                return;
            } catch (UpstreamException e) {
                if (e.reason() != FailureReason.UPSTREAM_UNAVAILABLE) {
                    throw e;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw AuthorizedCalls.withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                            "AppDirect did not take the result of event " + token + " within " + budget + ": " + e.getMessage()), e);
                }
                Duration wait = pause.compareTo(Duration.ofNanos(left)) < 0 ? pause : Duration.ofNanos(left);
                LOG.info("Posting the result of event {} failed ({}); retrying in {}", token, e.getMessage(), wait);
                sleep(wait, token);
                pause = pause.multipliedBy(2).compareTo(Inferred.RESULT_MAX_BACKOFF) < 0 ? pause.multipliedBy(2) : Inferred.RESULT_MAX_BACKOFF;
            }
        }
    }

    private static void sleep(Duration wait, EventToken token) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuthorizedCalls.withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "interrupted while retrying the result of event " + token), e);
        }
    }
}
