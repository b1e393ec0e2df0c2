package com.marketbridge.bootstrap.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent callers sending distinct events to the connector (round robin over its instances), as the phase's
 * {@link BenchLoad} says: subscription k of the phase is numbered n across the run and ordered by
 * {@code u<n>-<edition>@contoso.test}. In the realistic mix
 * every order of the phase goes first, then the cancels of the orders that were not refused (AppDirect keeps no
 * subscription whose order failed); in the meetings mix each caller sends an order and then its cancel. Each
 * notification is timed; an answer 202 counts as what the result the connector posts later says.
 */
final class LoadPhase {

    static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (BenchUpstreams.BASIC_USER + ":" + BenchUpstreams.BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** How long after a phase its events answered 202 may take to post their results. */
    private static final Duration RESULTS_WAIT = Duration.ofSeconds(15);
    private static final Pattern ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** What one edition's events of a phase measured; errors by the connector's error code. */
    record EditionFigures(BenchEdition edition, int events, int orders, long[] sortedNanos, long notSuccess,
                          long ordersNotSuccess, Map<String, Long> errors) {

        double percentileMillis(double p) {
            return percentile(sortedNanos, p);
        }
    }

    /**
     * What one phase measured. {@code orderCalls} are the calls while only orders were sent (null in the meetings mix);
     * {@code connectorCpuMillis} is all instances'; {@code storeCpuMillis} the PostgreSQL server's, -1 when the store is
     * inside the connector.
     */
    record Result(String name, BenchLoad load, int callers, int events, double seconds, long[] sortedNanos,
                  Map<Integer, Long> statuses, long notSuccess, Map<String, Long> errors, Map<String, String> errorExamples,
                  List<EditionFigures> editions, BenchUpstreams.Calls calls, BenchUpstreams.Calls orderCalls,
                  Map<String, Long> refusals, long connectorCpuMillis, long storeCpuMillis, long driverCpuMillis,
                  long otherCpuMillis, String loadAverage, boolean timedOut) {

        double eventsPerSecond() {
            return events / seconds;
        }

        double percentileMillis(double p) {
            return percentile(sortedNanos, p);
        }

        double perEvent(BenchUpstreams.Endpoint endpoint) {
            return (double) calls.total(endpoint) / Math.max(1, events);
        }
    }

    private final HttpClient client;
    private final BenchUpstreams upstreams;
    private final Connectors connectors;
    /** The CPU of the store outside the connector so far, in milliseconds; null when the store is inside it. */
    private final LongSupplier storeCpu;
    /** The next subscription number: distinct across phases, so every event of the run is new to the connector. */
    private final AtomicLong nextPair;

    LoadPhase(HttpClient client, BenchUpstreams upstreams, Connectors connectors, LongSupplier storeCpu, AtomicLong nextPair) {
        this.client = client;
        this.upstreams = upstreams;
        this.connectors = connectors;
        this.storeCpu = storeCpu;
        this.nextPair = nextPair;
    }

    Result run(String name, BenchLoad load, int callers, int events, Duration limit) throws InterruptedException {
        return run(name, load, callers, events, limit, 0);
    }

    /**
     * Runs {@code events} events, half orders and half cancels. With {@code eventsPerSecond} above 0 they are paced:
     * event i is due i intervals after the start, and an order's latency (in the realistic mix, every event's) counts
     * from when it was due, so that a connector falling behind shows in the figures instead of slowing the callers down.
     */
    Result run(String name, BenchLoad load, int callers, int events, Duration limit, double eventsPerSecond)
            throws InterruptedException {
        int pairs = events / 2;
        long first = nextPair.getAndAdd(pairs);
        Recorder recorder = new Recorder(pairs * 2);
        Map<String, Long> refusalsBefore = upstreams.refusals();
        BenchUpstreams.Calls callsBefore = upstreams.calls();
        BenchUpstreams.Calls callsAfterOrders = null;
        long connectorCpu = connectors.cpuMillis();
        long storeCpuBefore = storeCpu == null ? 0 : storeCpu.getAsLong();
        long driverCpu = ConnectorProcess.cpuMillis(ProcessHandle.current().pid());
        long machineCpu = ConnectorProcess.machineBusyMillis();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        boolean timedOut;
        if (load.mix().ordersThenCancels) {
            long interval = eventsPerSecond > 0 ? (long) (1e9 / eventsPerSecond) : 0;
            boolean[] accepted = new boolean[pairs];
            int ordered = stage(callers, pairs, deadline, k -> {
                long due = started + k * interval;
                sleepUntil(due);
                accepted[k] = recorder.send(token("o", load, k, first + k), load.edition(k), true, interval > 0 ? due : 0);
            });
            callsAfterOrders = upstreams.calls();
            int[] toCancel = java.util.stream.IntStream.range(0, pairs).filter(k -> accepted[k]).toArray();
            // the cancels get a time limit of their own: leaving extensions taken would spoil the next phase
            int cancelled = stage(callers, toCancel.length, System.nanoTime() + limit.toNanos(), j -> {
                long due = started + (pairs + j) * interval;
                sleepUntil(due);
                int k = toCancel[j];
                recorder.send(token("c", load, k, first + k), load.edition(k), false, interval > 0 ? due : 0);
            });
            timedOut = ordered < pairs || cancelled < toCancel.length;
        } else {
            long pairInterval = eventsPerSecond > 0 ? (long) (2e9 / eventsPerSecond) : 0;
            int done = stage(callers, pairs, deadline, k -> {
                long due = started + k * pairInterval;
                sleepUntil(due);
                recorder.send(token("o", load, k, first + k), load.edition(k), true, pairInterval > 0 ? due : 0);
                recorder.send(token("c", load, k, first + k), load.edition(k), false, 0);
            });
            timedOut = done < pairs;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchUpstreams.Calls callsAfter = upstreams.calls();
        long connectorUsed = connectors.cpuMillis() - connectorCpu;
        long storeUsed = storeCpu == null ? -1 : storeCpu.getAsLong() - storeCpuBefore;
        long driverUsed = ConnectorProcess.cpuMillis(ProcessHandle.current().pid()) - driverCpu;
        long otherUsed = Math.max(0, ConnectorProcess.machineBusyMillis() - machineCpu - connectorUsed - Math.max(0, storeUsed)
                - driverUsed);
        String loadAverage = ConnectorProcess.loadAverage();
        recorder.awaitResults();
        Map<String, Long> refusals = new TreeMap<>();
        upstreams.refusals().forEach((key, count) -> {
            long more = count - refusalsBefore.getOrDefault(key, 0L);
            if (more > 0) {
                refusals.put(key, more);
            }
        });
        return recorder.result(name, load, callers, seconds, callsAfter.minus(callsBefore),
                callsAfterOrders == null ? null : callsAfterOrders.minus(callsBefore), refusals, connectorUsed, storeUsed,
                driverUsed, otherUsed, loadAverage, timedOut);
    }

    static String token(String kind, BenchLoad load, int k, long n) {
        return kind + "-" + load.company(k, n) + "-" + n + "-" + load.edition(k).letter;
    }

    /** Runs {@code work} for 0..count-1 on {@code callers} threads until done or the deadline; how many ran. */
    private static int stage(int callers, int count, long deadline, IntConsumer work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread thread = new Thread(() -> {
                int k;
                while (System.nanoTime() < deadline && (k = next.getAndIncrement()) < count) {
                    work.accept(k);
                    ran.incrementAndGet();
                }
            }, "bench-caller-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ran.get();
    }

    /** Every event's latency, edition, kind and outcome (null: success), in the order they were answered. */
    private final class Recorder {
        private final long[] nanos;
        private final BenchEdition[] editions;
        private final boolean[] orders;
        private final String[] outcomes;
        private final AtomicInteger recorded = new AtomicInteger();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<String, String> examples = new ConcurrentHashMap<>();
        /** Events answered 202, whose outcome is the result the connector posts later: index and token. */
        private final ConcurrentLinkedQueue<Map.Entry<Integer, String>> accepted = new ConcurrentLinkedQueue<>();

        Recorder(int capacity) {
            nanos = new long[capacity];
            editions = new BenchEdition[capacity];
            orders = new boolean[capacity];
            outcomes = new String[capacity];
        }

        /** Sends one notification and records it, timed from {@code since} if not 0; whether it was not refused. */
        boolean send(String token, BenchEdition edition, boolean order, long since) {
            long t0 = since != 0 ? since : System.nanoTime();
            HttpResponse<String> response = LoadPhase.this.send(token);
            long elapsed = System.nanoTime() - t0;
            int status = response == null ? -1 : response.statusCode();
            statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
            int i = recorded.getAndIncrement();
            nanos[i] = elapsed;
            editions[i] = edition;
            orders[i] = order;
            if (status == 202) {
                accepted.add(Map.entry(i, token));
                return true;
            }
            String body = response == null ? "" : response.body();
            String outcome = response == null ? "no answer (I/O error or timeout)"
                    : status != 200 ? "HTTP " + status
                    : body.contains("\"success\":true") ? null
                    : Optional.ofNullable(group(ERROR_CODE, body)).orElse("success false, no error code");
            outcomes[i] = outcome;
            if (outcome != null) {
                examples.putIfAbsent(outcome, Optional.ofNullable(group(MESSAGE, body)).orElse(body));
            }
            return outcome == null;
        }

        void awaitResults() throws InterruptedException {
            long deadline = System.nanoTime() + RESULTS_WAIT.toNanos();
            while (System.nanoTime() < deadline
                    && accepted.stream().anyMatch(entry -> upstreams.result(entry.getValue()).isEmpty())) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            for (Map.Entry<Integer, String> entry : accepted) {
                Optional<BenchUpstreams.PostedResult> result = upstreams.result(entry.getValue());
                String outcome = result.isEmpty() ? "202, no result posted within " + RESULTS_WAIT.toSeconds() + " s"
                        : result.get().success() ? null
                        : "202, then " + Optional.ofNullable(result.get().errorCode()).orElse("success false, no error code");
                outcomes[entry.getKey()] = outcome;
                if (outcome != null) {
                    examples.putIfAbsent(outcome, result.map(BenchUpstreams.PostedResult::message).orElse(""));
                }
            }
        }

        Result result(String name, BenchLoad load, int callers, double seconds, BenchUpstreams.Calls calls,
                      BenchUpstreams.Calls orderCalls, Map<String, Long> refusals, long connectorCpu, long storeCpu,
                      long driverCpu, long otherCpu, String loadAverage, boolean timedOut) {
            int done = recorded.get();
            long[] all = Arrays.copyOf(nanos, done);
            Arrays.sort(all);
            Map<String, Long> errors = new TreeMap<>();
            List<EditionFigures> figures = new ArrayList<>();
            for (BenchEdition edition : load.mix().editions) {
                long[] mine = new long[done];
                int events = 0;
                int orderCount = 0;
                long notSuccess = 0;
                long ordersNotSuccess = 0;
                Map<String, Long> editionErrors = new TreeMap<>();
                for (int i = 0; i < done; i++) {
                    if (editions[i] != edition) {
                        continue;
                    }
                    mine[events++] = nanos[i];
                    orderCount += orders[i] ? 1 : 0;
                    if (outcomes[i] != null) {
                        notSuccess++;
                        ordersNotSuccess += orders[i] ? 1 : 0;
                        editionErrors.merge(outcomes[i], 1L, Long::sum);
                        errors.merge(outcomes[i], 1L, Long::sum);
                    }
                }
                long[] sorted = Arrays.copyOf(mine, events);
                Arrays.sort(sorted);
                figures.add(new EditionFigures(edition, events, orderCount, sorted, notSuccess, ordersNotSuccess, editionErrors));
            }
            Map<Integer, Long> statusCounts = new TreeMap<>();
            statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
            long notSuccess = errors.values().stream().mapToLong(Long::longValue).sum();
            return new Result(name, load, callers, done, seconds, all, statusCounts, notSuccess, errors, new HashMap<>(examples),
                    figures, calls, orderCalls, refusals, connectorCpu, storeCpu, driverCpu, otherCpu, loadAverage, timedOut);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** One notification as AppDirect sends it, to the next instance; null if it could not be sent. */
    HttpResponse<String> send(String token) {
        HttpRequest request = connectors.next().notification(upstreams, token, Duration.ofSeconds(10));
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
