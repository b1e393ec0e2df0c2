package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.LaneLeases;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The lane leases of a store, and the condition they put on every write of an event: the one place where a store
 * for one connector and a store shared by several differ in how they guard the journal.
 */
interface StoreLeases extends LaneLeases, AutoCloseable {

    /** SQL appended to the WHERE clause of an event's update ({@code events} names its table); empty if none. */
    String writeCondition();

    /** Binds the parameters of {@link #writeCondition()} for an event of {@code lane}; returns the next index. */
    int bindWriteCondition(PreparedStatement statement, int index, String lane) throws SQLException;

    /** Lets every lane go, so that other connectors take them over at once rather than after the lease term. */
    @Override
    void close();
}
