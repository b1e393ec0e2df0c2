package com.marketbridge.bootstrap.bench;

import com.marketbridge.bootstrap.bench.BenchUpstreams.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one benchmark run, as Markdown: machine, throughput, latency, upstream calls, memory, targets. */
final class BenchReport {

    record Probe(String kind, int status, double millis, Map<Endpoint, Long> calls) {
        long webexAndEventCalls() {
            return calls.entrySet().stream().filter(entry -> entry.getKey() != Endpoint.APPDIRECT_TOKEN)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    record ProvisioningRun(int run, int status, String body, double answerMillis, double resultMillis, Map<Endpoint, Long> calls) {
    }

    private final String options;
    private final List<LoadPhase.Result> phases = new ArrayList<>();
    private final Map<String, List<Probe>> probes = new LinkedHashMap<>();
    private final List<ProvisioningRun> provisioning = new ArrayList<>();
    private long readyMillis = -1;
    private long tokens = -1;
    private long events;
    private long hwmKb = -1;
    private long sampledKb;
    private long endKb;
    private long eventLogLines = -1;

    BenchReport(String options) {
        this.options = options;
    }

    void readyMillis(long millis) {
        readyMillis = millis;
    }

    void phase(LoadPhase.Result result) {
        phases.add(result);
    }

    void probe(String name, List<Probe> probe) {
        probes.put(name, probe);
    }

    void tokens(long tokens, long events) {
        this.tokens = tokens;
        this.events = events;
    }

    void memory(long hwmKb, long sampledKb, long endKb) {
        this.hwmKb = hwmKb;
        this.sampledKb = sampledKb;
        this.endKb = endKb;
    }

    void logLines(long lines, long events) {
        this.eventLogLines = lines;
    }

    void provisioning(ProvisioningRun run) {
        provisioning.add(run);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# MarketBridge benchmark\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("); ").append(Bench.javaVersion()).append(". Options: `").append(options).append("`.\n\n")
                .append("The load driver, both WireMock servers and the connector share these cores: every figure below "
                        + "includes that contention (see the CPU columns; \"other processes\" is whatever else ran on the machine meanwhile, "
                        + "which makes the figures pessimistic).\n\n");
        List<LoadPhase.Result> measured = phases.stream().filter(phase -> !phase.name().startsWith("warm-up")).toList();
        if (!phases.isEmpty()) {
            md.append("## Throughput and latency (per event, as the caller sees it)\n\n")
                    .append("| run | callers | events | s | events/s | p50 ms | p95 ms | p99 ms | max ms | statuses | not success "
                            + "| connector CPU (cores) | connector CPU ms/event | driver+WireMock CPU (cores) | other processes CPU (cores) | load avg 1 min at end |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (LoadPhase.Result phase : phases) {
                md.append(row(phase.name() + (phase.timedOut() ? " (time limit hit)" : ""), phase.callers(), phase.events(),
                        f1(phase.seconds()), f0(phase.eventsPerSecond()), f2(phase.percentileMillis(50)),
                        f2(phase.percentileMillis(95)), f2(phase.percentileMillis(99)), f2(phase.percentileMillis(100)),
                        phase.statuses(), phase.notSuccess(), f2(phase.connectorCpuMillis() / 1000.0 / phase.seconds()),
                        f2((double) phase.connectorCpuMillis() / Math.max(1, phase.events())),
                        f2(phase.driverCpuMillis() / 1000.0 / phase.seconds()), f2(phase.otherCpuMillis() / 1000.0 / phase.seconds()),
                        phase.loadAverage()));
            }
            md.append("\n## Upstream calls per event (an event is an order or a cancel; pairs of both)\n\n| endpoint |");
            phases.forEach(phase -> md.append(' ').append(phase.name()).append(' ').append(phase.callers()).append(" |"));
            md.append("\n|---|").append("---:|".repeat(phases.size())).append('\n');
            for (Endpoint endpoint : Endpoint.values()) {
                md.append("| ").append(endpoint.label).append(" |");
                phases.forEach(phase -> md.append(' ').append(f3(phase.perEvent(endpoint))).append(" |"));
                md.append('\n');
            }
            md.append("| **all** |");
            phases.forEach(phase -> md.append(" **").append(f3(phase.calls().values().stream().mapToLong(Long::longValue).sum()
                    / (double) Math.max(1, phase.events()))).append("** |"));
            md.append("\n\n## One order and its cancel, alone (exact upstream calls)\n\n")
                    .append("| when | event | status | ms | calls (token excluded in the count) |\n|---|---|---:|---:|---|\n");
            probes.forEach((name, list) -> list.forEach(probe -> md.append(row(name, probe.kind(), probe.status(),
                    f2(probe.millis()), probe.webexAndEventCalls() + ": " + describe(probe.calls())))));
            md.append("\n## Process\n\n| figure | value |\n|---|---|\n")
                    .append(row("start to ready (JVM uptime at the ready line)", readyMillis + " ms"))
                    .append(row("AppDirect token requests / events (whole run)", tokens + " / " + events + " = "
                            + f3((double) tokens / Math.max(1, events)) + "/event"))
                    .append(row("peak RSS (VmHWM at the end)", mb(hwmKb)))
                    .append(row("highest sampled VmRSS (every 200 ms)", mb(sampledKb)))
                    .append(row("VmRSS at the end", mb(endKb)))
                    .append(row("event log lines (`event=`) / events", eventLogLines + " / " + events));
        }
        if (!provisioning.isEmpty()) {
            md.append("\n## First order while Webex takes 3 s to provision the customer\n\n")
                    .append("| run | answer status | answer ms | notification to result POST ms | upstream calls | answer |\n"
                            + "|---:|---:|---:|---:|---|---|\n");
            for (ProvisioningRun run : provisioning) {
                md.append(row(run.run(), run.status(), f0(run.answerMillis()), f0(run.resultMillis()), describe(run.calls()),
                        "`" + run.body().replace("|", "\\|") + "`"));
            }
        }
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (LoadPhase.Result phase : measured) {
            String run = phase.name() + ", " + phase.callers() + " callers";
            if (!phase.name().startsWith("paced")) { // a paced run's throughput is its pace
                md.append(row("≥ 500 events/s (" + run + ")", f0(phase.eventsPerSecond()) + " events/s",
                        yes(phase.eventsPerSecond() >= 500)));
            }
            md.append(row("p99 < 20 ms (" + run + ", caller-seen, includes the stubs)",
                    f2(phase.percentileMillis(99)) + " ms", yes(phase.percentileMillis(99) < 20)));
        }
        probes.forEach((name, list) -> list.stream().filter(probe -> probe.kind().equals("order")).forEach(order -> {
            boolean remembered = name.contains("after the load");
            long limit = remembered ? 3 : 4;
            md.append(row("order ≤ " + limit + " upstream calls (" + name + ")", order.webexAndEventCalls() + ": " + describe(order.calls()),
                    yes(order.webexAndEventCalls() <= limit)));
        }));
        if (tokens >= 0) {
            md.append(row("token requests ≤ 0.01/event", f3((double) tokens / Math.max(1, events)), yes(tokens <= 0.01 * events)));
            md.append(row("peak RSS ≤ 256 MB", mb(hwmKb), yes(hwmKb <= 256 * 1024)));
            md.append(row("start to ready < 1.5 s", readyMillis + " ms", yes(readyMillis < 1500)));
        }
        return md.toString();
    }

    private static String describe(Map<Endpoint, Long> calls) {
        return calls.entrySet().stream().map(entry -> entry.getKey().label + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static String row(Object... cells) {
        return java.util.Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
