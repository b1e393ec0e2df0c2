package com.marketbridge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class WholeAnswerTest {

    /** What the JDK's side of a body sees: how much was asked for, and whether it was cancelled. */
    private static final class Upstream implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static List<ByteBuffer> bytes(int count) {
        return List.of(ByteBuffer.allocate(count));
    }

    @Test
    void bytesPastTheCapCancelTheBodyAndFailIt_andLaterOnesAreLeftAlone() {
        WholeAnswer<byte[]> answer = new WholeAnswer<>(HttpResponse.BodySubscribers.ofByteArray(), -1, 100);
        Upstream upstream = new Upstream();

        answer.onSubscribe(upstream);
        answer.onNext(bytes(60));
        assertThat(upstream.cancelled).isFalse();
        answer.onNext(bytes(41));
        answer.onNext(bytes(1_000_000));
        answer.onComplete();

        assertThat(upstream.cancelled).isTrue();
        assertThat(answer.getBody().toCompletableFuture()).isCompletedExceptionally();
        assertThat(failure(answer)).isInstanceOfSatisfying(WholeAnswer.TooLarge.class,
                tooLarge -> assertThat(tooLarge.announced()).isNegative());
    }

    @Test
    void anAnnouncedLengthOverTheCapIsRefusedBeforeAnyByteIsAskedFor() {
        WholeAnswer<byte[]> answer = new WholeAnswer<>(HttpResponse.BodySubscribers.ofByteArray(), 31_457_280, 100);
        Upstream upstream = new Upstream();

        answer.onSubscribe(upstream);

        assertThat(upstream.requested).isZero();
        assertThat(upstream.cancelled).isTrue();
        assertThat(failure(answer)).isInstanceOfSatisfying(WholeAnswer.TooLarge.class,
                tooLarge -> assertThat(tooLarge.announced()).isEqualTo(31_457_280));
    }

    @Test
    void theCallersSubscriberGetsTheWholeBodyOnlyAfterItsLastByte() {
        WholeAnswer<String> answer = new WholeAnswer<>(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), -1, 100);
        Upstream upstream = new Upstream();

        answer.onSubscribe(upstream);
        answer.onNext(List.of(ByteBuffer.wrap("{\"items\":".getBytes(StandardCharsets.UTF_8))));
        answer.onNext(List.of(ByteBuffer.wrap("[]".getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap("}".getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<String> body = answer.getBody().toCompletableFuture();
        assertThat(body).isNotDone();
        answer.onComplete();

        assertThat(body).isCompletedWithValue("{\"items\":[]}");
        assertThat(upstream.cancelled).isFalse();
    }

    private static Throwable failure(WholeAnswer<?> answer) {
        return answer.getBody().toCompletableFuture().handle((value, failure) -> failure).join();
    }
}
