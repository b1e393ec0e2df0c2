package com.marketbridge.bootstrap.bench;

import com.marketbridge.adapter.jdbc.PostgresSettings;
import com.marketbridge.adapter.jdbc.TestPostgres;
import com.marketbridge.bootstrap.bench.BenchUpstreams.Endpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The connector's benchmark: not a test, run by the {@code bench} profile of bootstrap (see its pom):
 * <pre>
 *   mvn -B -q -DskipTests -Pbench package -pl bootstrap -am
 *   mvn -B -q -DskipTests -Pbench package -pl bootstrap -am -Dbench.args="--callers 8,32 --warmup 2000 --events 20000"
 * </pre>
 * Scenario "throughput": the packaged jar against zero-latency WireMock stand-ins of AppDirect and Webex (see
 * {@link BenchUpstreams}: Webex keeps each location's extensions as Webex does); a warm-up, then a measured run for
 * each load and number of callers. The loads: each mix ({@link BenchLoad.Mix}) over each number of provisioned
 * companies. The realistic mix orders meetings, calling and suite in turn, a share of the orders being the first of a
 * company Webex does not know yet, and cancels them all after the last order; the meetings mix is the load of the
 * earlier measurements (meetings only, each order followed by its cancel), for comparison. Scenario "provisioning":
 * the first order of new companies while Webex takes 3 s to provision them; time from the notification to the
 * result POST. Writes target/bench-report.md (per run and per edition: events/s, latency, upstream calls per
 * endpoint, calls per calling order, errors by code) and the connector's logs and thread dumps under target/bench/.
 *
 * <p>Options: {@code --scenario all|throughput|provisioning}, {@code --mix realistic,meetings} (the loads, in this
 * order), {@code --companies 1,10} (each load spread round robin over this many provisioned companies; a run for each),
 * {@code --new-company-share 0.1} (the realistic mix's share of orders that are the first order of a new company),
 * {@code --new-company-provisioning-ms 0} (how long such a customer reads "provisioning" after its creation),
 * {@code --pretaken 0} (extensions taken at every location from the bottom of the range, as by users the connector
 * did not create), {@code --callers 8,32}, {@code --cold-events 1000} (right after the start, a run of this many events
 * of the first load at the first number of callers, and the connector's CPU from its start through them; 0 leaves it
 * out), {@code --warmup 2000} (events per warm-up round, at the highest number of
 * callers, the loads in turn), {@code --warmup-seconds 120} (warm-up rounds go on until then: on 2 shared cores the
 * connector reaches its steady state only after a minute or two of load), {@code --events 20000} (per measured run,
 * half orders, half cancels), {@code --max-seconds 240} (per measured run, and again for its cancels), {@code --dumps 3}
 * (thread dumps per measured run), {@code --provisioning-runs 3}, {@code --paced-rate 100} (after the measured runs,
 * one more per load at this many events/s, paced: latency without the queueing of a saturated run; 0 leaves it out),
 * {@code --webex-latency-ms 50} (each Webex answer takes that long, as over a real network), {@code --workers 4} (the
 * connector's WORKERS; 0 keeps its default), {@code --store embedded} ({@code postgres}: the journal in a PostgreSQL
 * server this process starts from the Maven registry's binaries, so its CPU is not the connector's and is reported
 * beside it; DATABASE_URL), {@code --instances 1} (connectors sharing that database, each in a working folder of its
 * own, the notifications sent round robin to them as by a load balancer; above 1 needs {@code --store postgres}),
 * {@code --connector-jvm "-XX:StartFlightRecording=..."}, {@code --target DIR} (where the report goes).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path target = options.target;
        Path work = target.resolve("bench");
        deleteTree(work);
        Files.createDirectories(work);
        BenchReport report = new BenchReport(options.describe());
        if (!options.scenario.equals("provisioning")) {
            throughput(options, work, report);
        }
        if (!options.scenario.equals("throughput")) {
            provisioning(options, work, report);
        }
        String markdown = report.markdown();
        Files.writeString(target.resolve("bench-report.md"), markdown);
        System.out.println(markdown);
        System.out.println("Written to " + target.resolve("bench-report.md"));
        System.exit(0);
    }

    private static void throughput(Options options, Path work, BenchReport report) throws Exception {
        int maxCallers = Arrays.stream(options.callers).max().orElse(8);
        List<BenchLoad> loads = options.loads();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (BenchUpstreams upstreams = new BenchUpstreams(BenchUpstreams.CustomerMode.PROVISIONED,
                options.newCompanyProvisioningMillis, Math.max(32, 2 * maxCallers), options.webexLatencyMillis, options.pretaken)) {
            Path folder = work.resolve("throughput");
            Map<String, String> common = new java.util.HashMap<>();
            if (options.workers > 0) {
                common.put("WORKERS", String.valueOf(options.workers));
            }
            boolean postgres = options.store.equals("postgres");
            if (postgres) {
                PostgresSettings database = TestPostgres.newDatabase();
                common.put("DATABASE_URL", database.url());
                common.put("DATABASE_USERNAME", database.username());
                common.put("DATABASE_PASSWORD", database.password().value());
            }
            Connectors connectors = Connectors.start(options.instances, options.jar, folder, own -> {
                Map<String, String> settings = new java.util.HashMap<>(upstreams.settings(own.resolve("data").toString()));
                settings.putAll(common);
                return settings;
            }, options.connectorJvm);
            try {
                for (ConnectorProcess connector : connectors.instances) {
                    report.readyMillis(connector.readyMillis);
                    System.out.printf("connector ready on port %d, %d ms after its JVM started%n", connector.port, connector.readyMillis);
                }
                AtomicLong nextPair = new AtomicLong(1);
                LoadPhase load = new LoadPhase(client, upstreams, connectors, postgres ? PostgresCpu::millis : null, nextPair);
                Map<Endpoint, Long> start = upstreams.snapshot();

                report.probe("first order + cancel after start (cold, company not yet remembered)",
                        probe(load, upstreams, nextPair, List.of(BenchEdition.MEETINGS)));
                if (options.coldEvents > 0) {
                    // what a partner sees after a quiet night: the first events run in a JVM still compiling
                    LoadPhase.Result cold = load.run("cold: the first " + options.coldEvents + " events after the start",
                            loads.get(0), options.callers[0], options.coldEvents, Duration.ofSeconds(options.maxSeconds));
                    print(cold);
                    report.phase(cold);
                    Map<String, Double> cpuByThread = new java.util.LinkedHashMap<>();
                    for (Path dump : connectors.threadDumps(work, "jstack-after-cold")) {
                        ThreadCpu.of(Files.readString(dump)).forEach((kind, millis) -> cpuByThread.merge(kind, millis, Double::sum));
                    }
                    report.coldStart(connectors.cpuMillis(), cold.events() + 2, cpuByThread);
                }
                // the JIT needs minutes on 2 shared cores: warm up in rounds until the time is up; report the last round
                long warmupEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
                LoadPhase.Result warmup;
                int round = 0;
                do {
                    BenchLoad warming = loads.get(round % loads.size());
                    round++;
                    warmup = load.run("warm-up round " + round, warming, maxCallers, options.warmup, Duration.ofSeconds(options.maxSeconds));
                    print(warmup);
                } while (System.nanoTime() < warmupEnds);
                report.phase(warmup);
                for (BenchLoad measuredLoad : loads) {
                    for (int callers : options.callers) {
                        ScheduledExecutorService dumps = Executors.newSingleThreadScheduledExecutor();
                        for (int i = 1; i <= options.dumps; i++) {
                            String name = "jstack-" + measuredLoad.mix().label + "-" + measuredLoad.companies()
                                    + "-companies-" + callers + "-callers-" + i;
                            dumps.schedule(() -> connectors.threadDumps(work, name), 2L + 3L * (i - 1), TimeUnit.SECONDS);
                        }
                        LoadPhase.Result measured = load.run("measured", measuredLoad, callers, options.events,
                                Duration.ofSeconds(options.maxSeconds));
                        dumps.shutdownNow();
                        print(measured);
                        report.phase(measured);
                    }
                }
                if (options.pacedRate > 0) {
                    for (BenchLoad pacedLoad : loads) {
                        LoadPhase.Result paced = load.run("paced at " + options.pacedRate + " events/s", pacedLoad, maxCallers,
                                options.events, Duration.ofSeconds(options.maxSeconds), options.pacedRate);
                        print(paced);
                        report.phase(paced);
                    }
                }
                report.probe("one order + cancel alone after the load (company remembered)", probe(load, upstreams, nextPair,
                        loads.stream().flatMap(each -> each.mix().editions.stream()).distinct().sorted().toList()));

                Map<Endpoint, Long> end = upstreams.snapshot();
                long tokens = end.get(Endpoint.APPDIRECT_TOKEN) - start.get(Endpoint.APPDIRECT_TOKEN);
                long events = end.get(Endpoint.EVENT_FETCH) - start.get(Endpoint.EVENT_FETCH);
                report.tokens(tokens, events);
                for (ConnectorProcess connector : connectors.instances) {
                    report.memory(connector.status("VmHWM"), connector.maxSampledRssKb(), connector.status("VmRSS"));
                }
                report.logLines(connectors.logLines("event="), events);
            } finally {
                connectors.close();
            }
        }
    }

    /** For each edition, one order of company 0 then its cancel, alone, with the upstream calls each made. */
    private static List<BenchReport.Probe> probe(LoadPhase load, BenchUpstreams upstreams, AtomicLong nextPair,
                                                 List<BenchEdition> editions) {
        List<BenchReport.Probe> probes = new ArrayList<>();
        for (BenchEdition edition : editions) {
            long n = nextPair.getAndIncrement();
            for (String token : new String[] {"o-0-" + n + "-" + edition.letter, "c-0-" + n + "-" + edition.letter}) {
                Map<Endpoint, Long> before = upstreams.snapshot();
                long t0 = System.nanoTime();
                HttpResponse<String> response = load.send(token);
                long nanos = System.nanoTime() - t0;
                Map<Endpoint, Long> calls = new EnumMap<>(Endpoint.class);
                upstreams.snapshot().forEach((endpoint, count) -> {
                    if (count - before.get(endpoint) > 0) {
                        calls.put(endpoint, count - before.get(endpoint));
                    }
                });
                probes.add(new BenchReport.Probe(token.startsWith("o") ? "order" : "cancel", edition,
                        response == null ? -1 : response.statusCode(), nanos / 1e6, calls));
            }
        }
        return probes;
    }

    private static void provisioning(Options options, Path work, BenchReport report) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (BenchUpstreams upstreams = new BenchUpstreams(BenchUpstreams.CustomerMode.CREATED_ON_FIRST_ORDER, 3000, 16)) {
            Path folder = work.resolve("provisioning");
            Connectors connectors = Connectors.start(1, options.jar, folder,
                    own -> upstreams.settings(own.resolve("data").toString()), options.connectorJvm);
            try {
                LoadPhase load = new LoadPhase(client, upstreams, connectors, null, new AtomicLong(1));
                for (int run = 1; run <= options.provisioningRuns; run++) {
                    // a new company each run, so each is a first order with a customer to create
                    String token = "o-" + run + "-1";
                    Map<Endpoint, Long> before = upstreams.snapshot();
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = load.send(token);
                    long answered = System.nanoTime();
                    long deadline = answered + TimeUnit.SECONDS.toNanos(60);
                    while (!upstreams.resultArrivals.containsKey(token) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    Long result = upstreams.resultArrivals.get(token);
                    Thread.sleep(200); // let the result's journal writes settle before counting
                    Map<Endpoint, Long> calls = new EnumMap<>(Endpoint.class);
                    upstreams.snapshot().forEach((endpoint, count) -> {
                        if (count - before.get(endpoint) > 0) {
                            calls.put(endpoint, count - before.get(endpoint));
                        }
                    });
                    BenchReport.ProvisioningRun measured = new BenchReport.ProvisioningRun(run,
                            answer == null ? -1 : answer.statusCode(), answer == null ? "" : answer.body(),
                            (answered - t0) / 1e6, result == null ? Double.NaN : (result - t0) / 1e6, calls);
                    System.out.println(measured);
                    report.provisioning(measured);
                }
            } finally {
                connectors.close();
            }
        }
    }

    private static void print(LoadPhase.Result result) {
        System.out.printf("%s, %s, %d callers: %d events in %.1f s = %.0f events/s, p50 %.2f ms, p99 %.2f ms, statuses %s, not success %d %s%n",
                result.name(), result.load().describe(), result.callers(), result.events(), result.seconds(),
                result.eventsPerSecond(), result.percentileMillis(50), result.percentileMillis(99), result.statuses(),
                result.notSuccess(), result.errors().isEmpty() ? "" : result.errors());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The command line: see the class comment. */
    static final class Options {
        String scenario = "all";
        int[] callers = {8, 32};
        int coldEvents = 1000;
        int warmup = 2000;
        int warmupSeconds = 120;
        int events = 20_000;
        int maxSeconds = 240;
        int dumps = 3;
        int provisioningRuns = 3;
        List<BenchLoad.Mix> mixes = List.of(BenchLoad.Mix.REALISTIC, BenchLoad.Mix.MEETINGS);
        int[] companies = {1, 10};
        double newCompanyShare = 0.1;
        long newCompanyProvisioningMillis;
        int pretaken;
        int pacedRate;
        int webexLatencyMillis;
        int workers;
        String store = "embedded";
        int instances = 1;
        List<String> connectorJvm = new ArrayList<>();
        Path jar = Path.of("target", "marketbridge.jar");
        Path target = Path.of("target");

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> words = new ArrayList<>();
            for (String arg : args) {
                words.addAll(Arrays.asList(arg.trim().split("\\s+(?=--)")));
            }
            for (String word : words) {
                if (word.isBlank()) {
                    continue;
                }
                String[] pair = word.trim().split("[\\s=]+", 2);
                String value = pair.length > 1 ? pair[1].trim() : "";
                switch (pair[0]) {
                    case "--scenario" -> options.scenario = value;
                    case "--mix" -> options.mixes = Arrays.stream(value.split(",")).map(BenchLoad.Mix::named).distinct().toList();
                    case "--callers" -> options.callers = integers(value);
                    case "--warmup" -> options.warmup = Integer.parseInt(value);
                    case "--warmup-seconds" -> options.warmupSeconds = Integer.parseInt(value);
                    case "--cold-events" -> options.coldEvents = Integer.parseInt(value);
                    case "--events" -> options.events = Integer.parseInt(value);
                    case "--max-seconds" -> options.maxSeconds = Integer.parseInt(value);
                    case "--dumps" -> options.dumps = Integer.parseInt(value);
                    case "--companies" -> options.companies = integers(value);
                    case "--new-company-share" -> options.newCompanyShare = Double.parseDouble(value);
                    case "--new-company-provisioning-ms" -> options.newCompanyProvisioningMillis = Long.parseLong(value);
                    case "--pretaken" -> options.pretaken = Integer.parseInt(value);
                    case "--paced-rate" -> options.pacedRate = Integer.parseInt(value);
                    case "--webex-latency-ms" -> options.webexLatencyMillis = Integer.parseInt(value);
                    case "--workers" -> options.workers = Integer.parseInt(value);
                    case "--store" -> options.store = value;
                    case "--instances" -> options.instances = Integer.parseInt(value);
                    case "--provisioning-runs" -> options.provisioningRuns = Integer.parseInt(value);
                    case "--connector-jvm" -> options.connectorJvm = Arrays.asList(value.replace("\"", "").split("\\s+"));
                    case "--jar" -> options.jar = Path.of(value);
                    case "--target" -> options.target = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + pair[0] + "; see Bench's class comment");
                }
            }
            if (!Files.isRegularFile(options.jar)) {
                throw new IllegalArgumentException(options.jar.toAbsolutePath() + " is missing: package the jar first");
            }
            int range = BenchUpstreams.EXTENSION_TO - BenchUpstreams.EXTENSION_FROM + 1;
            if (options.pretaken < 0 || options.pretaken > range) {
                throw new IllegalArgumentException("--pretaken must be between 0 and " + range);
            }
            if (options.instances < 1 || options.instances > 1 && !options.store.equals("postgres")) {
                throw new IllegalArgumentException("--instances must be 1, or more with --store postgres (they share its database)");
            }
            options.loads(); // validates --companies and --new-company-share
            return options;
        }

        /** Each mix over each number of companies, in the order given. */
        List<BenchLoad> loads() {
            List<BenchLoad> loads = new ArrayList<>();
            for (BenchLoad.Mix mix : mixes) {
                for (int count : companies) {
                    loads.add(new BenchLoad(mix, count, newCompanyShare));
                }
            }
            return loads;
        }

        private static int[] integers(String value) {
            return Arrays.stream(value.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        }

        String describe() {
            return "--scenario " + scenario + " --mix " + mixes.stream().map(mix -> mix.label).collect(Collectors.joining(","))
                    + " --companies " + list(companies) + " --new-company-share " + newCompanyShare
                    + " --new-company-provisioning-ms " + newCompanyProvisioningMillis + " --pretaken " + pretaken
                    + " --callers " + list(callers) + " --cold-events " + coldEvents + " --warmup " + warmup
                    + " --warmup-seconds " + warmupSeconds
                    + " --events " + events + " --max-seconds " + maxSeconds + " --paced-rate " + pacedRate
                    + " --webex-latency-ms " + webexLatencyMillis + " --workers " + workers + " --store " + store
                    + " --instances " + instances
                    + (connectorJvm.isEmpty() ? "" : " --connector-jvm \"" + String.join(" ", connectorJvm) + "\"");
        }

        private static String list(int[] values) {
            return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(","));
        }
    }

    static String javaVersion() {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return text.replace("\n", "; ");
        } catch (IOException | InterruptedException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        }
    }
}
