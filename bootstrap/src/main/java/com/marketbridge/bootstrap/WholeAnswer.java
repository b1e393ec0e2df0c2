package com.marketbridge.bootstrap;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's whole body into memory, at most {@code maxBytes} of it, and only then hands it to the body subscriber
 * the caller asked for; so the exchange, and the deadline on it, ends with the last byte. Past {@code maxBytes}, or at
 * once when the announced length is over it, it cancels the body (the JDK closes the stream or connection) and fails
 * with {@link TooLarge}. It copies what arrives into one array rather than keeping the JDK's buffers, which may each
 * hold far more memory than the few bytes a slow upstream put in them.
 */
final class WholeAnswer<T> implements HttpResponse.BodySubscriber<T> {

    /** The first size of the array when the length is not announced: most answers fit. */
    private static final int FIRST_CAPACITY = 16 * 1024;

    private final HttpResponse.BodySubscriber<T> caller;
    private final long announced;
    private final int maxBytes;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] bytes;
    private int size;

    /** {@code announced} is the {@code Content-Length}, or negative when there is none. */
    WholeAnswer(HttpResponse.BodySubscriber<T> caller, long announced, int maxBytes) {
        this.caller = caller;
        this.announced = announced;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announced > maxBytes) {
            refuse();
            return;
        }
        bytes = new byte[(int) (announced < 0 ? Math.min(FIRST_CAPACITY, maxBytes) : announced)];
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return;
            }
            int length = buffer.remaining();
            if (length > maxBytes - size) {
                refuse();
                return;
            }
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + length, 2L * bytes.length)));
            }
            buffer.get(bytes, size, length);
            size += length;
        }
    }

    @Override
    public void onError(Throwable failure) {
        bytes = null;
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        caller.onSubscribe(new Replay(caller, ByteBuffer.wrap(bytes, 0, size)));
        caller.getBody().whenComplete((value, failure) -> {
            if (failure == null) {
                body.complete(value);
            } else {
                body.completeExceptionally(failure);
            }
        });
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }

    /** Fails the body before cancelling it: over HTTP/2 the cancelled stream would otherwise fail it as "cancelled". */
    private void refuse() {
        bytes = null;
        body.completeExceptionally(new TooLarge(announced > maxBytes ? announced : -1));
        subscription.cancel();
    }

    /** The answer is over the cap: {@code announced} is the length it announced, or negative when its bytes passed it. */
    static final class TooLarge extends IOException {

        private final long announced;

        TooLarge(long announced) {
            super("the answer is over the size cap");
            this.announced = announced;
        }

        long announced() {
            return announced;
        }
    }

    /** Hands the whole body to the caller's subscriber as one item, on its first request. */
    private static final class Replay implements Flow.Subscription {

        private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        private final ByteBuffer body;
        private boolean done;

        Replay(Flow.Subscriber<? super List<ByteBuffer>> subscriber, ByteBuffer body) {
            this.subscriber = subscriber;
            this.body = body;
        }

        @Override
        public synchronized void request(long n) {
            if (done) {
                return;
            }
            done = true;
            if (body.hasRemaining()) {
                subscriber.onNext(List.of(body));
            }
            subscriber.onComplete();
        }

        @Override
        public synchronized void cancel() {
            done = true;
        }
    }
}
