package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final AtomicLong writes = new AtomicLong();
    private final AtomicInteger writeOuts = new AtomicInteger();

    @Test
    void callersArrivingDuringAWriteOut_shareTheNextOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit commit = new GroupCommit(() -> {
            long covered = writes.get();
            if (writeOuts.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(release);
            }
            return covered;
        });
        Thread first = new Thread(() -> commit.awaitDurable(writes.incrementAndGet()));
        first.start();
        firstStarted.await();
        List<Thread> later = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long mine = writes.incrementAndGet();
            later.add(new Thread(() -> commit.awaitDurable(mine)));
        }
        later.forEach(Thread::start);
        Thread.sleep(100); // all eight are waiting behind the first write-out
        release.countDown();
        first.join(5_000);
        for (Thread thread : later) {
            thread.join(5_000);
        }

        assertThat(later).noneMatch(Thread::isAlive);
        assertThat(writeOuts).hasValue(2);
    }

    @Test
    void writesAlreadyCovered_needNoWriteOut() {
        GroupCommit commit = new GroupCommit(() -> {
            writeOuts.incrementAndGet();
            return 5;
        });
        commit.awaitDurable(5);

        commit.awaitDurable(3);
        commit.awaitDurable(5);

        assertThat(writeOuts).hasValue(1);
    }

    @Test
    void aFailedWriteOut_failsItsCaller_andTheNextCallerTriesAgain() {
        GroupCommit commit = new GroupCommit(() -> {
            if (writeOuts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            return 1;
        });

        assertThatIllegalStateException().isThrownBy(() -> commit.awaitDurable(1)).withMessage("disk full");
        commit.awaitDurable(1);

        assertThat(writeOuts).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
