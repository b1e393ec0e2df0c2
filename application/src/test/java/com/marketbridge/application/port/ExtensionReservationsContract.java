package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.ExtensionReservations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ExtensionReservations} store promises, run against the in-memory fake and against each real store. */
public abstract class ExtensionReservationsContract {

    private ExtensionReservations reservations;

    /** A new, empty store for each test; the subclass closes it afterwards if it must. */
    protected abstract ExtensionReservations reservations();

    @BeforeEach
    void openStore() {
        reservations = reservations();
    }

    @Test
    void aReservedExtension_isTakenAndHeldByItsHolder() {
        assertThat(reservations.reserve("loc-1", "2000", "alice@contoso.test")).isTrue();

        assertThat(reservations.taken("loc-1")).containsExactly("2000");
        assertThat(reservations.heldBy("loc-1", "alice@contoso.test")).contains("2000");
        assertThat(reservations.taken("loc-2")).isEmpty();
        assertThat(reservations.heldBy("loc-2", "alice@contoso.test")).isEmpty();
    }

    @Test
    void anExtensionTakenAtALocation_cannotBeReservedAgainThere_butElsewhere() {
        reservations.reserve("loc-1", "2000", "alice@contoso.test");

        assertThat(reservations.reserve("loc-1", "2000", "bob@contoso.test")).isFalse();
        assertThat(reservations.heldBy("loc-1", "bob@contoso.test")).isEmpty();
        assertThat(reservations.reserve("loc-2", "2000", "bob@contoso.test")).isTrue();
    }

    @Test
    void anExtensionUsedElsewhere_isTakenByNobody_andDropsItsReservation() {
        reservations.reserve("loc-1", "2001", "alice@contoso.test");

        reservations.usedElsewhere("loc-1", "2000");
        reservations.usedElsewhere("loc-1", "2001");
        reservations.usedElsewhere("loc-1", "2001");

        assertThat(reservations.taken("loc-1")).containsExactlyInAnyOrder("2000", "2001");
        assertThat(reservations.heldBy("loc-1", "alice@contoso.test")).isEmpty();
        assertThat(reservations.reserve("loc-1", "2000", "bob@contoso.test")).isFalse();
    }

    @Test
    void aReleasedExtension_isFreeForTheNextHolder() {
        reservations.reserve("loc-1", "2000", "alice@contoso.test");
        reservations.reserve("loc-1", "2001", "bob@contoso.test");

        reservations.release("loc-1", "alice@contoso.test");
        reservations.release("loc-1", "carol@contoso.test");

        assertThat(reservations.taken("loc-1")).containsExactly("2001");
        assertThat(reservations.reserve("loc-1", "2000", "carol@contoso.test")).isTrue();
    }

    @Test
    void concurrentReservationsOfOneExtension_leaveExactlyOneHolder() throws Exception {
        int holders = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(holders);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                String holder = "user" + i + "@contoso.test";
                attempts.add(threads.submit(() -> {
                    start.await();
                    return reservations.reserve("loc-1", "2000", holder);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
