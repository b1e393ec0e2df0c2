package com.marketbridge.bootstrap.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent callers sending distinct events to the connector: each takes the next pair number n and sends
 * the order of u{n} then the cancel of u{n}'s account, timing each notification, until the phase has sent its
 * events or its time is up.
 */
final class LoadPhase {

    static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (BenchUpstreams.BASIC_USER + ":" + BenchUpstreams.BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** What one phase measured. */
    record Result(String name, int callers, int events, double seconds, long[] sortedNanos, Map<Integer, Long> statuses,
                  long notSuccess, Map<BenchUpstreams.Endpoint, Long> calls, long connectorCpuMillis, long driverCpuMillis,
                  long otherCpuMillis, String loadAverage, boolean timedOut) {

        double eventsPerSecond() {
            return events / seconds;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        double perEvent(BenchUpstreams.Endpoint endpoint) {
            return (double) calls.getOrDefault(endpoint, 0L) / Math.max(1, events);
        }
    }

    private final HttpClient client;
    private final BenchUpstreams upstreams;
    private final ConnectorProcess connector;
    /** The next pair number: distinct across phases, so every event of the run is new to the connector. */
    private final AtomicLong nextPair;

    /** How many companies the pairs are spread over (round robin); the connector works one lane per company. */
    private final int companies;

    LoadPhase(HttpClient client, BenchUpstreams upstreams, ConnectorProcess connector, AtomicLong nextPair, int companies) {
        this.companies = companies;
        this.client = client;
        this.upstreams = upstreams;
        this.connector = connector;
        this.nextPair = nextPair;
    }

    Result run(String name, int callers, int events, Duration limit) throws InterruptedException {
        return run(name, callers, events, limit, 0);
    }

    /**
     * Runs {@code events} as order + cancel pairs. With {@code eventsPerSecond} above 0 the pairs are paced: pair k is
     * due k pair-intervals after the start, and an order's latency counts from when it was due, so that a
     * connector falling behind shows in the figures instead of slowing the callers down.
     */
    Result run(String name, int callers, int events, Duration limit, double eventsPerSecond) throws InterruptedException {
        int pairs = events / 2;
        long pairIntervalNanos = eventsPerSecond > 0 ? (long) (2e9 / eventsPerSecond) : 0;
        long[] nanos = new long[pairs * 2];
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger pairsTaken = new AtomicInteger();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder notSuccess = new LongAdder();
        long deadline = System.nanoTime() + limit.toNanos();
        Map<BenchUpstreams.Endpoint, Long> callsBefore = upstreams.snapshot();
        long connectorCpu = connector.cpuMillis();
        long driverCpu = ConnectorProcess.cpuMillis(ProcessHandle.current().pid());
        long machineCpu = ConnectorProcess.machineBusyMillis();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(started("bench-caller-" + i, () -> {
                int pair;
                while ((pair = pairsTaken.getAndIncrement()) < pairs && System.nanoTime() < deadline) {
                    long due = started + pair * pairIntervalNanos;
                    sleepUntil(due);
                    long n = nextPair.getAndIncrement();
                    long company = n % companies;
                    for (String token : new String[] {"o-" + company + "-" + n, "c-" + company + "-" + n}) {
                        long t0 = token.startsWith("o") && pairIntervalNanos > 0 ? due : System.nanoTime();
                        HttpResponse<String> response = send(token);
                        long elapsed = System.nanoTime() - t0;
                        int status = response == null ? -1 : response.statusCode();
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                        if (response == null || !response.body().contains("\"success\":true")) {
                            notSuccess.increment();
                        }
                        nanos[recorded.getAndIncrement()] = elapsed;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<BenchUpstreams.Endpoint, Long> callsAfter = upstreams.snapshot();
        Map<BenchUpstreams.Endpoint, Long> calls = new java.util.EnumMap<>(BenchUpstreams.Endpoint.class);
        callsAfter.forEach((endpoint, count) -> calls.put(endpoint, count - callsBefore.get(endpoint)));
        Map<Integer, Long> statusCounts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
        int done = recorded.get();
        long[] sorted = Arrays.copyOf(nanos, done);
        Arrays.sort(sorted);
        long connectorUsed = connector.cpuMillis() - connectorCpu;
        long driverUsed = ConnectorProcess.cpuMillis(ProcessHandle.current().pid()) - driverCpu;
        long otherUsed = Math.max(0, ConnectorProcess.machineBusyMillis() - machineCpu - connectorUsed - driverUsed);
        return new Result(name, callers, done, seconds, sorted, statusCounts, notSuccess.sum(), calls, connectorUsed,
                driverUsed, otherUsed, ConnectorProcess.loadAverage(), done < pairs * 2);
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** One notification as AppDirect sends it; null if it could not be sent. */
    HttpResponse<String> send(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.port
                        + "/subscription_receiver?eventUrl=" + URLEncoder.encode(upstreams.eventUrl(token), StandardCharsets.UTF_8)
                        + "&eventType=" + (token.startsWith("o") ? "create" : "cancel")))
                .header("Authorization", AUTHORIZATION)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }
}
