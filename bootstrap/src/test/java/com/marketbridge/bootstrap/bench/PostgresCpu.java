package com.marketbridge.bootstrap.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The CPU of the PostgreSQL server this process started for {@code --store postgres}, beside the connector's: every
 * process whose command is postgres in the tree of a postmaster started after this JVM. (pg_ctl starts the postmaster
 * and exits, so it need not stay a child of this JVM.) The postmaster's reaped children count too (cutime, cstime), so
 * that a backend ending between two readings does not take its CPU with it.
 */
final class PostgresCpu {

    private PostgresCpu() {
    }

    /** User + system CPU of the server's processes so far, ended ones included, in milliseconds. */
    static long millis() {
        Instant since = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
        return ProcessHandle.allProcesses()
                .filter(process -> isPostgres(process) && !process.parent().map(PostgresCpu::isPostgres).orElse(false)
                        && process.info().startInstant().map(started -> started.isAfter(since)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .filter(PostgresCpu::isPostgres)
                .mapToLong(process -> ConnectorProcess.cpuMillis(process.pid(), true))
                .sum();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false);
    }
}
