package com.marketbridge.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The connector instances of a run, each the jar in a working folder of its own with the same settings (several
 * share one PostgreSQL database), behind a round-robin balancer: each notification goes to the next instance.
 */
final class Connectors implements AutoCloseable {

    final List<ConnectorProcess> instances;
    private final AtomicLong sent = new AtomicLong();

    private Connectors(List<ConnectorProcess> instances) {
        this.instances = List.copyOf(instances);
    }

    /**
     * Starts {@code count} instances one after the other; instance i in {@code folder/instance-i} when more than one,
     * its settings from {@code settings} given that folder.
     */
    static Connectors start(int count, Path jar, Path folder, Function<Path, Map<String, String>> settings,
                            List<String> jvmOptions) throws IOException, InterruptedException {
        List<ConnectorProcess> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                Path own = count == 1 ? folder : folder.resolve("instance-" + i);
                started.add(ConnectorProcess.start(jar, own, settings.apply(own), jvmOptions));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            new Connectors(started).close();
            throw e;
        }
        return new Connectors(started);
    }

    /** The instance the next notification goes to. */
    ConnectorProcess next() {
        return instances.get((int) (sent.getAndIncrement() % instances.size()));
    }

    /** The user + system CPU time of all instances so far, in milliseconds. */
    long cpuMillis() {
        return instances.stream().mapToLong(ConnectorProcess::cpuMillis).sum();
    }

    /** A thread dump of each instance, into {@code name.txt} (one instance) or {@code name-instance-i.txt}. */
    List<Path> threadDumps(Path folder, String name) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Path file = folder.resolve(name + (instances.size() == 1 ? "" : "-instance-" + (i + 1)) + ".txt");
            instances.get(i).threadDump(file);
            files.add(file);
        }
        return files;
    }

    /** Counts the lines of all instances' logs that contain the text. */
    long logLines(String text) throws IOException {
        long lines = 0;
        for (ConnectorProcess instance : instances) {
            lines += instance.logLines(text);
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        for (ConnectorProcess instance : instances) {
            instance.close();
        }
    }
}
