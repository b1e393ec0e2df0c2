package com.marketbridge.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar as a partner runs it: {@code java -jar marketbridge.jar} in a working folder of its own, its
 * settings in a .env there, its output in a file (so the driver does not pay for reading it). Samples its
 * resident memory every 200 ms and reads its CPU time and peak RSS from /proc.
 */
final class ConnectorProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("MarketBridge is ready on port (\\d+) \\((\\d+) ms after the JVM started\\)");

    final Path folder;
    final Path log;
    final Process process;
    final int port;
    final long readyMillis;
    private final AtomicLong maxSampledRssKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ConnectorProcess(Path folder, Path log, Process process, int port, long readyMillis) {
        this.folder = folder;
        this.log = log;
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
        sampler.scheduleAtFixedRate(() -> maxSampledRssKb.accumulateAndGet(status("VmRSS"), Math::max), 0, 200, TimeUnit.MILLISECONDS);
    }

    static ConnectorProcess start(Path jar, Path folder, Map<String, String> settings, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<String> lines = new ArrayList<>();
        settings.forEach((name, value) -> lines.add(name + "='" + value + "'"));
        Files.write(folder.resolve(".env"), lines);
        Path log = folder.resolve("connector.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // only the .env speaks: no setting leaks in from the environment
        builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (ready.find()) {
                return new ConnectorProcess(folder, log, process, Integer.parseInt(ready.group(1)), Long.parseLong(ready.group(2)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the connector did not get ready; its output:\n" + Files.readString(log));
    }

    /** A field of /proc/PID/status in kB (VmRSS, VmHWM), 0 once the process is gone. */
    long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return 0;
    }

    long maxSampledRssKb() {
        return maxSampledRssKb.get();
    }

    /** The connector's user + system CPU time so far, in milliseconds. */
    long cpuMillis() {
        return cpuMillis(process.pid());
    }

    static long cpuMillis(long pid) {
        return cpuMillis(pid, false);
    }

    /** A process's user + system CPU time so far, in milliseconds, with that of its ended children it waited for if asked; 0 once gone. */
    static long cpuMillis(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 to 17 of stat (utime, stime, cutime, cstime), in clock ticks of 10 ms; this array starts at field 3
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + (withReapedChildren ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0);
            return ticks * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The CPU time all processes of the machine used so far (busy, not idle or iowait), in milliseconds, from /proc/stat. */
    static long machineBusyMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The 1-minute load average of the machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** A thread dump of the connector (jcmd Thread.print) into the file. */
    void threadDump(Path file) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** AppDirect's notification of the benchmark event {@code token} to this connector, as LoadPhase sends it. */
    HttpRequest notification(BenchUpstreams upstreams, String token, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/subscription_receiver?eventUrl=" + URLEncoder.encode(upstreams.eventUrl(token), StandardCharsets.UTF_8)
                        + "&eventType=" + (token.startsWith("o") ? "create" : "cancel")))
                .header("Authorization", LoadPhase.AUTHORIZATION)
                .timeout(timeout)
                .build();
    }

    /** Counts the lines of the connector's log that contain the text. */
    long logLines(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.toHandle().destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
