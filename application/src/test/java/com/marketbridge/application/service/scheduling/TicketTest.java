package com.marketbridge.application.service.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final Outcome DONE = new Outcome.Completed("c1:bob@contoso.test", "subscribed");

    private final Ticket ticket = new Ticket();

    @Test
    void aClaimedAnswer_isAwaitedPastTheBudget() throws Exception {
        CompletableFuture<Optional<Outcome>> waiting = CompletableFuture.supplyAsync(this::awaitFiftyMillis);
        assertThat(ticket.claim()).isTrue();
        Thread.sleep(200); // the journal is slow to record the outcome

        ticket.answer(DONE);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).contains(DONE);
    }

    @Test
    void afterTheBudgetRanOut_nothingCanBeClaimed_andTheResultIsPosted() {
        assertThat(awaitFiftyMillis()).isEmpty();

        assertThat(ticket.claim()).isFalse();
    }

    @Test
    void progressIsTheAnswer_andLeavesNothingToClaim() {
        ticket.offerProgress(new Outcome.InProgress("waiting for Webex"));

        assertThat(awaitFiftyMillis()).containsInstanceOf(Outcome.InProgress.class);
        assertThat(ticket.claim()).isFalse();
    }

    @Test
    void nobodyWaitsForAResumedEvent() {
        assertThat(Ticket.NOBODY_WAITS.claim()).isFalse();
    }

    private Optional<Outcome> awaitFiftyMillis() {
        return awaitFiftyMillis(ticket);
    }

    private static Optional<Outcome> awaitFiftyMillis(Ticket ticket) {
        try {
            return ticket.awaitAnswer(Duration.ofMillis(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
