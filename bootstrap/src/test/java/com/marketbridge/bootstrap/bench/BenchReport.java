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

/**
 * The figures of one benchmark run, as Markdown: machine, throughput and latency overall and per edition, upstream
 * calls per endpoint and edition, calls per calling order, errors, memory, targets.
 */
final class BenchReport {

    record Probe(String kind, BenchEdition edition, int status, double millis, Map<Endpoint, Long> calls) {
        long webexAndEventCalls() {
            return calls.entrySet().stream().filter(entry -> entry.getKey() != Endpoint.APPDIRECT_TOKEN)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long validateExtensions() {
            return calls.getOrDefault(Endpoint.VALIDATE_EXTENSIONS, 0L);
        }
    }

    /** One connector instance's resident memory: peak (VmHWM at the end), highest sampled, at the end; in kB. */
    record Memory(long hwmKb, long sampledKb, long endKb) {
    }

    record ProvisioningRun(int run, int status, String body, double answerMillis, double resultMillis, Map<Endpoint, Long> calls) {
    }

    private static final int EXAMPLE_LENGTH = 160;

    private final String options;
    private final List<LoadPhase.Result> phases = new ArrayList<>();
    private final Map<String, List<Probe>> probes = new LinkedHashMap<>();
    private final List<ProvisioningRun> provisioning = new ArrayList<>();
    /** Per connector instance, in the order they started. */
    private final List<Long> readyMillis = new ArrayList<>();
    private final List<Memory> memory = new ArrayList<>();
    private long tokens = -1;
    private long events;
    private long eventLogLines = -1;
    private long coldCpuMillis = -1;
    private int coldEvents;
    private Map<String, Double> coldCpuByThread = Map.of();

    BenchReport(String options) {
        this.options = options;
    }

    /** The connector's CPU from its JVM's start through its first {@code events} events. */
    void coldStart(long cpuMillis, int events, Map<String, Double> cpuByThread) {
        coldCpuMillis = cpuMillis;
        coldEvents = events;
        coldCpuByThread = cpuByThread;
    }

    /** The next instance's start to ready. */
    void readyMillis(long millis) {
        readyMillis.add(millis);
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

    /** The next instance's memory. */
    void memory(long hwmKb, long sampledKb, long endKb) {
        memory.add(new Memory(hwmKb, sampledKb, endKb));
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
                .append("The load driver, both WireMock servers, the connector (each instance) and PostgreSQL (with `--store postgres`) "
                        + "share these cores: every figure below "
                        + "includes that contention (see the CPU columns; \"other processes\" is whatever else ran on the machine meanwhile, "
                        + "which makes the figures pessimistic).\n\n")
                .append("Loads: **realistic** orders meetings, calling and suite in turn, spread over the provisioned companies, a share "
                        + "of them the first order of a company Webex does not know yet (its customer is created); all orders of a run "
                        + "first, then the cancels of those not refused. **meetings** is the load of earlier measurements: meetings "
                        + "only, each order followed at once by its cancel. An answer 202 counts as the result posted for it later.\n\n");
        List<LoadPhase.Result> measured = phases.stream().filter(phase -> !phase.name().startsWith("warm-up")).toList();
        if (!phases.isEmpty()) {
            throughput(md);
            perEdition(md, measured);
            callsOverall(md);
            callsByEdition(md, measured);
            callsPerCallingOrder(md, measured);
            errors(md, measured);
            md.append("\n## One order and its cancel, alone (exact upstream calls)\n\n")
                    .append("| when | edition | event | status | ms | calls (token excluded in the count) |\n|---|---|---|---:|---:|---|\n");
            probes.forEach((name, list) -> list.forEach(probe -> md.append(row(name, probe.edition().label, probe.kind(),
                    probe.status(), f2(probe.millis()), probe.webexAndEventCalls() + ": " + describe(probe.calls())))));
            md.append("\n## Process\n\n| figure | value |\n|---|---|\n")
                    .append(row("start to ready (JVM uptime at the ready line)" + perInstance(), join(readyMillis, ms -> ms + " ms")))
                    .append(coldCpuMillis < 0 ? "" : row("connector CPU from the JVM's start through its first " + coldEvents
                            + " events" + allInstances(), coldCpuMillis + " ms = " + f2((double) coldCpuMillis / coldEvents) + " ms/event"))
                    .append(row("AppDirect token requests / events (whole run)", tokens + " / " + events + " = "
                            + f3((double) tokens / Math.max(1, events)) + "/event"))
                    .append(row("peak RSS (VmHWM at the end)" + perInstance(), join(memory, each -> mb(each.hwmKb()))))
                    .append(row("highest sampled VmRSS (every 200 ms)" + perInstance(), join(memory, each -> mb(each.sampledKb()))))
                    .append(row("VmRSS at the end" + perInstance(), join(memory, each -> mb(each.endKb()))))
                    .append(row("event log lines (`event=`) / events", eventLogLines + " / " + events));
            if (!coldCpuByThread.isEmpty()) {
                md.append("\n## Connector CPU from the start through the first ").append(coldEvents).append(" events")
                        .append(allInstances()).append(", by thread (live threads of a dump right after them)\n\n| threads | CPU ms | ms/event |\n|---|---:|---:|\n");
                coldCpuByThread.forEach((kind, millis) -> md.append(row(kind, f0(millis), f2(millis / coldEvents))));
            }
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
        targets(md, measured);
        return md.toString();
    }

    private void throughput(StringBuilder md) {
        md.append("## Throughput and latency (per event, as the caller sees it)\n\n")
                .append("| run | load | callers | events | s | events/s | p50 ms | p95 ms | p99 ms | max ms | statuses | not success "
                        + "| connector CPU (cores)" + allInstances() + " | connector CPU ms/event | PostgreSQL CPU ms/event "
                        + "| driver+WireMock CPU (cores) | other processes CPU (cores) | load avg 1 min at end |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadPhase.Result phase : phases) {
            md.append(row(phase.name() + (phase.timedOut() ? " (time limit hit)" : ""), phase.load().describe(), phase.callers(),
                    phase.events(), f1(phase.seconds()), f0(phase.eventsPerSecond()), f2(phase.percentileMillis(50)),
                    f2(phase.percentileMillis(95)), f2(phase.percentileMillis(99)), f2(phase.percentileMillis(100)),
                    phase.statuses(), phase.notSuccess(), f2(phase.connectorCpuMillis() / 1000.0 / phase.seconds()),
                    f2((double) phase.connectorCpuMillis() / Math.max(1, phase.events())),
                    phase.storeCpuMillis() < 0 ? "in the connector" : f2((double) phase.storeCpuMillis() / Math.max(1, phase.events())),
                    f2(phase.driverCpuMillis() / 1000.0 / phase.seconds()), f2(phase.otherCpuMillis() / 1000.0 / phase.seconds()),
                    phase.loadAverage()));
        }
    }

    private static void perEdition(StringBuilder md, List<LoadPhase.Result> measured) {
        md.append("\n## Per edition (orders and cancels of that edition; events/s is its share of the run)\n\n")
                .append("| run | load | callers | edition | events | events/s | p50 ms | p95 ms | p99 ms | not success | errors by code |\n")
                .append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadPhase.Result phase : measured) {
            for (LoadPhase.EditionFigures edition : phase.editions()) {
                md.append(row(phase.name(), phase.load().describe(), phase.callers(), edition.edition().label, edition.events(),
                        f0(edition.events() / phase.seconds()), f2(edition.percentileMillis(50)), f2(edition.percentileMillis(95)),
                        f2(edition.percentileMillis(99)), edition.notSuccess(), codes(edition.errors())));
            }
            md.append(row(phase.name(), phase.load().describe(), phase.callers(), "**all**", phase.events(),
                    f0(phase.eventsPerSecond()), f2(phase.percentileMillis(50)), f2(phase.percentileMillis(95)),
                    f2(phase.percentileMillis(99)), phase.notSuccess(), codes(phase.errors())));
        }
    }

    private void callsOverall(StringBuilder md) {
        md.append("\n## Upstream calls per event, all editions (an event is an order or a cancel)\n\n| endpoint |");
        phases.forEach(phase -> md.append(' ').append(phase.name()).append(", ").append(phase.load().describe()).append(", ")
                .append(phase.callers()).append(" callers |"));
        md.append("\n|---|").append("---:|".repeat(phases.size())).append('\n');
        for (Endpoint endpoint : Endpoint.values()) {
            md.append("| ").append(endpoint.label).append(" |");
            phases.forEach(phase -> md.append(' ').append(f3(phase.perEvent(endpoint))).append(" |"));
            md.append('\n');
        }
        md.append("| **all** |");
        phases.forEach(phase -> md.append(" **").append(f3(phase.calls().total() / (double) Math.max(1, phase.events()))).append("** |"));
        md.append('\n');
    }

    /** Per endpoint, the calls of each edition per event of that edition. */
    private static void callsByEdition(StringBuilder md, List<LoadPhase.Result> measured) {
        List<LoadPhase.Result> mixed = measured.stream().filter(phase -> phase.editions().size() > 1).toList();
        if (mixed.isEmpty()) {
            return;
        }
        md.append("\n## Upstream calls per event by edition\n\nEach edition's calls per event of that edition (orders and cancels). "
                + "Calls that name no edition (the AppDirect token, the customers of provisioned companies) are per event of "
                + "all editions. Endpoints no event called are left out.\n");
        for (LoadPhase.Result phase : mixed) {
            md.append("\n**").append(phase.name()).append(", ").append(phase.load().describe()).append(", ").append(phase.callers())
                    .append(" callers**\n\n| endpoint |");
            phase.editions().forEach(edition -> md.append(' ').append(edition.edition().label).append(" |"));
            md.append(" not attributable | all |\n|---|").append("---:|".repeat(phase.editions().size() + 2)).append('\n');
            for (Endpoint endpoint : Endpoint.values()) {
                if (phase.calls().total(endpoint) == 0) {
                    continue;
                }
                md.append("| ").append(endpoint.label).append(" |");
                phase.editions().forEach(edition -> md.append(' ').append(f3(per(phase.calls().of(endpoint, edition.edition()),
                        edition.events()))).append(" |"));
                md.append(' ').append(f3(per(phase.calls().of(endpoint, null), phase.events()))).append(" | ")
                        .append(f3(per(phase.calls().total(endpoint), phase.events()))).append(" |\n");
            }
            md.append("| **all** |");
            phase.editions().forEach(edition -> {
                long sum = 0;
                for (Endpoint endpoint : Endpoint.values()) {
                    sum += phase.calls().of(endpoint, edition.edition());
                }
                md.append(" **").append(f3(per(sum, edition.events()))).append("** |");
            });
            long unattributed = 0;
            for (Endpoint endpoint : Endpoint.values()) {
                unattributed += phase.calls().of(endpoint, null);
            }
            md.append(" **").append(f3(per(unattributed, phase.events()))).append("** | **")
                    .append(f3(per(phase.calls().total(), phase.events()))).append("** |\n");
        }
    }

    /** Webex calls per order while only orders were sent: what one calling order costs, and how many validateExtensions. */
    private static void callsPerCallingOrder(StringBuilder md, List<LoadPhase.Result> measured) {
        List<LoadPhase.Result> split = measured.stream().filter(phase -> phase.orderCalls() != null).toList();
        if (split.isEmpty()) {
            return;
        }
        md.append("\n## Calls per calling order (counted while only orders were sent)\n\n"
                        + "Webex calls attributed to the edition's orders, per order; the customers of provisioned companies are "
                        + "not attributable and are given per order of all editions.\n\n")
                .append("| run | load | callers | edition | calling package | orders | orders not success | Webex calls per order "
                        + "| of them validateExtensions | list locations | create subscriber | not attributable Webex calls per order |\n")
                .append("|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadPhase.Result phase : split) {
            int orders = phase.editions().stream().mapToInt(LoadPhase.EditionFigures::orders).sum();
            for (LoadPhase.EditionFigures edition : phase.editions()) {
                BenchUpstreams.Calls calls = phase.orderCalls();
                md.append(row(phase.name(), phase.load().describe(), phase.callers(),
                        edition.edition().label, edition.edition().calling ? "yes" : "no", edition.orders(),
                        edition.ordersNotSuccess(), f2(per(calls.webex(edition.edition()), edition.orders())),
                        f2(per(calls.of(Endpoint.VALIDATE_EXTENSIONS, edition.edition()), edition.orders())),
                        f2(per(calls.of(Endpoint.LOCATIONS, edition.edition()), edition.orders())),
                        f2(per(calls.of(Endpoint.SUBSCRIBER_CREATE, edition.edition()), edition.orders())),
                        f2(per(calls.webex(null), orders))));
            }
        }
    }

    private static void errors(StringBuilder md, List<LoadPhase.Result> measured) {
        md.append("\n## Errors: events whose answer (or, after a 202, posted result) was not success, by error code\n\n");
        if (measured.stream().allMatch(phase -> phase.errors().isEmpty())) {
            md.append("None.\n");
        } else {
            md.append("| run | load | callers | error code | events | by edition | example message |\n|---|---|---:|---|---:|---|---|\n");
            for (LoadPhase.Result phase : measured) {
                phase.errors().forEach((code, count) -> md.append(row(phase.name(), phase.load().describe(), phase.callers(), code,
                        count, phase.editions().stream().filter(edition -> edition.errors().containsKey(code))
                                .map(edition -> edition.edition().label + " " + edition.errors().get(code))
                                .collect(Collectors.joining(", ")),
                        "`" + shorten(phase.errorExamples().getOrDefault(code, "")) + "`")));
            }
        }
        md.append("\nAnswers of the stand-ins that were not 2xx (a 404 of a delete is the connector finding a user gone):\n\n");
        if (measured.stream().allMatch(phase -> phase.refusals().isEmpty())) {
            md.append("None.\n");
        } else {
            md.append("| run | load | callers | endpoint: status | answers |\n|---|---|---:|---|---:|\n");
            for (LoadPhase.Result phase : measured) {
                phase.refusals().forEach((key, count) -> md.append(row(phase.name(), phase.load().describe(), phase.callers(), key, count)));
            }
        }
    }

    private void targets(StringBuilder md, List<LoadPhase.Result> measured) {
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (LoadPhase.Result phase : measured) {
            String run = phase.name() + ", " + phase.load().describe() + ", " + phase.callers() + " callers";
            if (!phase.name().startsWith("paced")) { // a paced run's throughput is its pace
                md.append(row("≥ 500 events/s (" + run + ")", f0(phase.eventsPerSecond()) + " events/s",
                        yes(phase.eventsPerSecond() >= 500)));
            }
            md.append(row("p99 < 20 ms (" + run + ", caller-seen, includes the stubs)",
                    f2(phase.percentileMillis(99)) + " ms", yes(phase.percentileMillis(99) < 20)));
            if (phase.name().equals("measured")) { // issue 13: the connector's CPU once warm
                double cpu = (double) phase.connectorCpuMillis() / Math.max(1, phase.events());
                md.append(row("connector CPU ≤ 2 ms/event (" + run + ")", f2(cpu) + " ms/event", yes(cpu <= 2)));
            }
        }
        if (coldCpuMillis >= 0) { // issue 13: the start and the first events, compilers included
            double cpu = (double) coldCpuMillis / coldEvents;
            md.append(row("connector CPU ≤ 4 ms/event from the JVM's start through its first " + coldEvents + " events",
                    f2(cpu) + " ms/event", yes(cpu <= 4)));
        }
        probes.forEach((name, list) -> list.stream()
                .filter(probe -> probe.kind().equals("order") && probe.edition() == BenchEdition.MEETINGS).forEach(order -> {
                    boolean remembered = name.contains("after the load");
                    long limit = remembered ? 3 : 4;
                    md.append(row("meetings order ≤ " + limit + " upstream calls (" + name + ")",
                            order.webexAndEventCalls() + ": " + describe(order.calls()), yes(order.webexAndEventCalls() <= limit)));
                }));
        if (tokens >= 0) {
            md.append(row("token requests ≤ 0.01/event", f3((double) tokens / Math.max(1, events)), yes(tokens <= 0.01 * events)));
            // issue 13, with the shipped options; the low-memory set of README's Performance aims at 128 MB
            long hwmKb = memory.stream().mapToLong(Memory::hwmKb).max().orElse(0);
            long slowestReady = readyMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            md.append(row("peak RSS ≤ 160 MB" + perInstance(), join(memory, each -> mb(each.hwmKb())), yes(hwmKb <= 160 * 1024)));
            md.append(row("start to ready ≤ 1.0 s" + perInstance(), join(readyMillis, ms -> ms + " ms"), yes(slowestReady <= 1000)));
        }
    }

    private String perInstance() {
        return readyMillis.size() > 1 ? ", per instance" : "";
    }

    private String allInstances() {
        return readyMillis.size() > 1 ? ", all " + readyMillis.size() + " instances" : "";
    }

    private static <T> String join(List<T> perInstance, java.util.function.Function<T, String> format) {
        return perInstance.stream().map(format).collect(Collectors.joining(", "));
    }

    private static double per(long count, long events) {
        return (double) count / Math.max(1, events);
    }

    private static String codes(Map<String, Long> errors) {
        return errors.isEmpty() ? "" : errors.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        String flat = text.replace("\\\"", "'").replace("|", "\\|").replace("`", "'").replaceAll("\\s+", " ");
        return flat.length() <= EXAMPLE_LENGTH ? flat : flat.substring(0, EXAMPLE_LENGTH) + "…";
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
