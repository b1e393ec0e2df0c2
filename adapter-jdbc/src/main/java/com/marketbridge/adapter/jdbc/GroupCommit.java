package com.marketbridge.adapter.jdbc;

import java.util.function.LongSupplier;

/**
 * Makes writes durable in groups. A caller that finds no write-out running starts one, which covers every
 * write made until it starts; callers arriving meanwhile wait for it, or for the next one, which the first of
 * them starts. Concurrent events so share one write-out instead of paying one each.
 */
final class GroupCommit {

    private final LongSupplier writeOut;
    private long durable;
    private boolean running;

    /** @param writeOut writes everything out and returns how many writes had been made when it started */
    GroupCommit(LongSupplier writeOut) {
        this.writeOut = writeOut;
    }

    /** Returns once the first {@code writes} writes are durable, writing them out if no one else is. */
    void awaitDurable(long writes) {
        synchronized (this) {
            boolean interrupted = false;
            while (durable < writes && running) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // a write-out takes a millisecond or two: finish waiting, then tell the caller
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (durable >= writes) {
                return;
            }
            running = true;
        }
        long covered = 0;
        try {
            covered = writeOut.getAsLong();
        } finally {
            synchronized (this) {
                running = false;
                durable = Math.max(durable, covered);
                notifyAll();
            }
        }
    }
}
