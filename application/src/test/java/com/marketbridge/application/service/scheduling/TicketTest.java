package com.marketbridge.application.service.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deliveries of one event waiting on its ticket, each in a thread of its own, as the webhook's requests do. */
class TicketTest {

    private static final Outcome DONE = new Outcome.Completed("c1:bob@contoso.test", "subscribed");
    private static final Outcome.InProgress PROGRESS = new Outcome.InProgress("waiting for Webex");
    /** A budget no test waits out. */
    private static final Duration LONG = Duration.ofMinutes(10);

    private final Ticket ticket = new Ticket();

    /** A delivery waiting on the ticket; returns once it is answered or parked in its wait. */
    private CompletableFuture<Optional<Outcome>> delivery(Duration budget) {
        CompletableFuture<Optional<Outcome>> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                answer.complete(ticket.awaitAnswer(budget));
            } catch (InterruptedException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        while (!answer.isDone() && thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.yield();
        }
        return answer;
    }

    private static Optional<Outcome> answerOf(CompletableFuture<Optional<Outcome>> delivery) throws Exception {
        return delivery.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyWaitingDelivery_getsTheFinalOutcome_andNoResultIsOwed() throws Exception {
        CompletableFuture<Optional<Outcome>> first = delivery(LONG);
        CompletableFuture<Optional<Outcome>> redelivery = delivery(LONG);

        assertThat(ticket.claim()).isFalse();
        ticket.answer(DONE);

        assertThat(answerOf(first)).contains(DONE);
        assertThat(answerOf(redelivery)).contains(DONE);
    }

    @Test
    void progressIsTheAnswerOfEveryWaitingDelivery_andOwesTheResult() throws Exception {
        CompletableFuture<Optional<Outcome>> first = delivery(LONG);
        CompletableFuture<Optional<Outcome>> redelivery = delivery(LONG);

        ticket.offerProgress(PROGRESS);

        assertThat(answerOf(first)).contains(PROGRESS);
        assertThat(answerOf(redelivery)).contains(PROGRESS);
        assertThat(ticket.claim()).isTrue();
    }

    @Test
    void aDeliveryComingAfterProgress_isAnsweredTheFirstAtOnce() {
        ticket.offerProgress(PROGRESS);
        ticket.offerProgress(new Outcome.InProgress("Webex is unavailable right now; the connector keeps trying."));

        assertThat(delivery(LONG)).isCompletedWithValue(Optional.of(PROGRESS));
        assertThat(ticket.claim()).isTrue();
    }

    @Test
    void oneDeliveryWhoseBudgetRanOut_owesTheResult_thoughAnotherGetsTheFinalOutcome() throws Exception {
        CompletableFuture<Optional<Outcome>> redelivery = delivery(LONG);
        assertThat(ticket.awaitAnswer(Duration.ofMillis(1))).isEmpty();

        assertThat(ticket.claim()).isTrue();
        ticket.answer(DONE);

        assertThat(answerOf(redelivery)).contains(DONE);
    }

    @Test
    void onceClaimed_aDeliveryWaitsPastItsBudgetForTheFinalOutcome_notForProgress() throws Exception {
        assertThat(ticket.claim()).isFalse();
        ticket.offerProgress(PROGRESS); // an attempt whose journal write failed, tried again

        CompletableFuture<Optional<Outcome>> redelivery = delivery(Duration.ofMillis(1));
        assertThat(redelivery).isNotDone();
        ticket.answer(DONE);

        assertThat(answerOf(redelivery)).contains(DONE);
    }

    @Test
    void aClaimTakenBack_becauseTheOutcomeCouldNotBeJournaled_sendsWaitingDeliveriesBackToTheirBudget_andOwesTheResult()
            throws Exception {
        assertThat(ticket.claim()).isFalse();
        CompletableFuture<Optional<Outcome>> redelivery = delivery(Duration.ofMillis(1));
        assertThat(redelivery).isNotDone();

        ticket.release();

        assertThat(answerOf(redelivery)).isEmpty();
        assertThat(ticket.claim()).isTrue();
    }

    @Test
    void aRefusedTicket_givesEveryDeliveryTheReason_waitingOrToCome() throws Exception {
        CompletableFuture<Optional<Outcome>> first = delivery(LONG);
        IllegalStateException diskFull = new IllegalStateException("No space left on device");

        ticket.refuse(diskFull);

        assertThatThrownBy(() -> answerOf(first)).hasCause(diskFull);
        assertThatThrownBy(() -> ticket.awaitAnswer(LONG)).isSameAs(diskFull);
    }

    @Test
    void aDeliveryComingAfterTheFinalOutcome_isAnsweredItAtOnce_andOwesNothing() {
        ticket.claim();
        ticket.answer(DONE);

        assertThat(delivery(LONG)).isCompletedWithValue(Optional.of(DONE));
        assertThat(ticket.claim()).isFalse();
    }

    @Test
    void anInterruptedDelivery_isAnsweredAccepted_soTheResultIsOwed() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> ticket.awaitAnswer(LONG)).isInstanceOf(InterruptedException.class);
        assertThat(ticket.claim()).isTrue();
    }

    @Test
    void theTicketOfAnEventResumedAfterARestart_owesItsResult() {
        assertThat(Ticket.owingResult().claim()).isTrue();
    }
}
