package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.JournalUnavailableException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a database takes work, and why not: the first failure takes it down at once, naming the problem, later
 * calls are refused without touching it, and {@link Recovery} tries to reopen it until it takes a write again. The
 * same for the embedded file and for PostgreSQL; what "reopen" means is theirs.
 */
final class Availability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);

    private final String where;
    private final Function<Exception, String> describe;
    private final Recovery recovery;
    /** Why the database is down, in a few words; null while it takes writes. */
    private volatile String problem;
    private volatile boolean closed;

    /**
     * @param where    where the journal is, for the log: "in DATA_DIR /srv/data", "in PostgreSQL at jdbc:..."
     * @param describe the problem an exception names, in a few words, for the answer notifications get
     * @param reopen   one try at bringing the database back; true once it takes writes
     */
    Availability(String where, Function<Exception, String> describe, BooleanSupplier reopen) {
        this.where = where;
        this.describe = describe;
        this.recovery = new Recovery(reopen, this::isDown);
    }

    boolean isOpen() {
        return !closed && problem == null;
    }

    private boolean isDown() {
        return !closed && problem != null;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * @throws IllegalStateException       the database is closed
     * @throws JournalUnavailableException the database is down
     */
    void refuseUnlessOpen(String what) {
        if (closed) {
            throw new IllegalStateException("the journal " + where + " is closed; cannot " + what);
        }
        if (problem != null) {
            throw new JournalUnavailableException(problem);
        }
    }

    /** A failure of the database, not of the statement: down at once, and Recovery starts. */
    JournalUnavailableException failed(String what, Exception e) {
        if (problem == null) {
            problem = describe.apply(e);
            LOG.error("The journal {} could not {}: {}. It refuses work until it takes writes again: /ready answers 503, "
                    + "notifications are answered that the storage is unavailable; trying again every few seconds",
                    where, what, problem, e);
            recovery.start();
        }
        return new JournalUnavailableException(problem);
    }

    /** A statement the database refused for its data or its text: a defect of the connector, not of the storage. */
    IllegalStateException refused(String what, Exception e) {
        return new IllegalStateException("the journal " + where + " could not " + what + ": " + e.getMessage(), e);
    }

    /** Called by a reopen that worked. */
    void back() {
        problem = null;
        LOG.warn("The journal {} takes writes again; taking up its unfinished work", where);
    }

    /** Called by a reopen that failed. */
    void stillDown(Exception e) {
        problem = describe.apply(e);
        LOG.warn("The journal {} still cannot write: {}", where, problem);
    }

    /** What runs each time the database takes writes again, on the recovery's thread. */
    void onRecovery(Runnable resume) {
        recovery.afterwards(resume);
    }

    @Override
    public void close() {
        closed = true;
        recovery.close();
    }
}
