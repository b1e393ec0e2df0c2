package com.marketbridge.adapter.jdbc;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The leases of the embedded store, which one connector owns ({@link EmbeddedDatabase} locks its folder): every
 * lane is always its own, so nothing is taken, checked or written.
 */
final class SoleConnectorLeases implements StoreLeases {

    @Override
    public boolean take(String lane) {
        return true;
    }

    @Override
    public boolean holds(String lane) {
        return true;
    }

    @Override
    public void release(String lane) {
        // nobody else could take it
    }

    /** Nobody takes a lane over. */
    @Override
    public Duration term() {
        return ChronoUnit.FOREVER.getDuration();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String writeCondition() {
        return "";
    }

    @Override
    public int bindWriteCondition(PreparedStatement statement, int index, String lane) {
        return index;
    }

    @Override
    public void close() {
        // nothing is held
    }
}
