package com.marketbridge.adapter.jdbc.bench;

import static com.marketbridge.application.port.EventJournalContract.received;

import com.marketbridge.adapter.jdbc.JdbcStore;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal's writes alone, as the connector makes them for an order and its cancel, from several threads at
 * once: the CPU (this process, JIT included, so warm up first) and the bytes written to the file per event. Not a
 * test; a tool for comparing the journal's SQL and H2 settings without the rest of the connector in the profile.
 *
 * <pre>
 *   java -cp (test classpath) com.marketbridge.adapter.jdbc.bench.JournalWriteBench [events] [threads] [rounds]
 * </pre>
 */
public final class JournalWriteBench {

    private JournalWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path folder = Files.createTempDirectory("journal-bench");
        try (JdbcStore store = JdbcStore.open(folder)) {
            AtomicLong next = new AtomicLong();
            for (int round = 1; round <= rounds; round++) {
                long cpu = processCpuNanos();
                long written = writtenBytes();
                long started = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                for (int i = 0; i < events / 2; i++) {
                    pool.execute(() -> orderThenCancel(store, next.incrementAndGet()));
                }
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("round %d: %d events in %.1f s, CPU %.3f ms/event, %.1f KB written/event, file %.1f MB%n",
                        round, events, seconds, (processCpuNanos() - cpu) / 1e6 / events,
                        (writtenBytes() - written) / 1024.0 / events,
                        Files.size(folder.resolve("marketbridge.mv.db")) / 1e6);
            }
        }
    }

    /** What the connector journals for an order (with its subscription) and then its cancel, each attempt's end in its timeline. */
    private static void orderThenCancel(JdbcStore store, long n) {
        EventJournal journal = store.journal();
        for (String kind : List.of("o", "c")) {
            Instant now = Instant.now();
            JournalEntry entry = received(kind + "-" + n, now);
            journal.recordNew(entry);
            journal.makeDurable();
            JournalEntry processing = entry.processing(now);
            journal.update(processing);
            String account = "c1:user" + n + "@contoso.test";
            SubscriptionUser user = new SubscriptionUser("user" + n + "@contoso.test", "User", "No" + n, kind.equals("o")
                    ? "sub-" + n : null, kind.equals("o") ? "person-" + n : null, new CallingAssignment("loc-1", String.valueOf(2000 + n)));
            store.subscriptions().save(new Subscription(account, "c1", "cust-1", new WebexPackage("webex_calling", true),
                    null, kind.equals("o") ? SubscriptionStatus.ACTIVE : SubscriptionStatus.CANCELLED, List.of(user)));
            JournalEntry finished = processing.finished(new Outcome.Completed(account, user.email() + " is subscribed"), now)
                    .delivered(now);
            journal.update(finished, TimelineEntry.attempt(finished));
            journal.makeDurable();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes this process wrote (wchar of /proc/self/io: files and sockets; this tool writes only the journal). */
    private static long writtenBytes() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(line -> line.startsWith("wchar:"))
                .mapToLong(line -> Long.parseLong(line.substring(6).strip())).findFirst().orElse(0);
    }
}
