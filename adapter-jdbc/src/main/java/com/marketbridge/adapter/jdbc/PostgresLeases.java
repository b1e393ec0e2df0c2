package com.marketbridge.adapter.jdbc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lane leases in the PostgreSQL database that several connectors share (table {@code lane_leases}). The database's
 * clock decides when a lease expired, so the clocks of the connectors' hosts need not agree; each connector counts
 * its own leases down on its monotonic clock from before it asked, with a margin, so it stops acting on a lane
 * before the database could give it to another. A thread of its own renews the leases held every third of the term.
 * A take-over raises the lane's fence, which every write of an event checks.
 */
final class PostgresLeases implements StoreLeases {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLeases.class);

    // the same owner keeps its fence: its writes in flight stay valid; another owner raises it
    private static final String TAKE = "INSERT INTO lane_leases (lane, owner, fence, expires_at)"
            + " VALUES (?, ?, 1, now() + ? * INTERVAL '1 millisecond')"
            + " ON CONFLICT (lane) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at,"
            + " fence = CASE WHEN lane_leases.owner = EXCLUDED.owner THEN lane_leases.fence ELSE lane_leases.fence + 1 END"
            + " WHERE lane_leases.expires_at < now() OR lane_leases.owner = EXCLUDED.owner"
            + " RETURNING fence";
    private static final String RENEW = "UPDATE lane_leases SET expires_at = now() + ? * INTERVAL '1 millisecond'"
            + " WHERE owner = ? AND lane = ANY (?) RETURNING lane";
    // the row stays, expired, so that the lane's fence never starts again from 1
    private static final String RELEASE = "UPDATE lane_leases SET expires_at = '-infinity'"
            + " WHERE lane = ? AND owner = ? AND fence = ?";
    private static final String RELEASE_ALL = "UPDATE lane_leases SET expires_at = '-infinity' WHERE owner = ?";
    private static final String WRITE_CONDITION = " AND EXISTS (SELECT 1 FROM lane_leases"
            + " WHERE lane_leases.lane = events.lane AND lane_leases.owner = ? AND lane_leases.fence = ?)";

    private final Database database;
    private final Duration term;
    /** How long before the database could let a lease go this connector stops counting on it. */
    private final long marginNanos;
    private final String owner = UUID.randomUUID().toString();
    private final ConcurrentMap<String, Lease> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "marketbridge-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    /** A lease this connector holds: its fence, and until when (System.nanoTime) it counts on it. */
    private record Lease(long fence, long validUntil) {
    }

    PostgresLeases(Database database, Duration term) {
        this.database = database;
        this.term = term;
        this.marginNanos = term.toNanos() / 5;
        long period = term.toMillis() / 3;
        renewal.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean take(String lane) {
        long asked = System.nanoTime();
        Long fence = database.write("take lane " + lane, connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, lane);
                take.setString(2, owner);
                take.setLong(3, term.toMillis());
                try (ResultSet taken = take.executeQuery()) {
                    return taken.next() ? taken.getLong(1) : null;
                }
            }
        });
        if (fence == null) {
            held.remove(lane);
            return false;
        }
        held.put(lane, new Lease(fence, validUntil(asked)));
        return true;
    }

    @Override
    public boolean holds(String lane) {
        Lease lease = held.get(lane);
        return lease != null && System.nanoTime() - lease.validUntil() < 0;
    }

    @Override
    public void release(String lane) {
        Lease lease = held.remove(lane);
        if (lease == null) {
            return;
        }
        database.write("release lane " + lane, connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                release.setString(1, lane);
                release.setString(2, owner);
                release.setLong(3, lease.fence());
                return release.executeUpdate();
            }
        });
    }

    @Override
    public Duration term() {
        return term;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String writeCondition() {
        return WRITE_CONDITION;
    }

    /** A lane this connector does not hold binds no fence any lease has: the write is refused. */
    @Override
    public int bindWriteCondition(PreparedStatement statement, int index, String lane) throws SQLException {
        Lease lease = held.get(lane);
        statement.setString(index, owner);
        statement.setLong(index + 1, lease == null ? 0 : lease.fence());
        return index + 2;
    }

    /** Extends every lease held; one the database no longer gives this connector is lost. */
    private void renew() {
        Map<String, Lease> renewing = new HashMap<>(held);
        if (renewing.isEmpty()) {
            return;
        }
        long asked = System.nanoTime();
        try {
            Set<String> renewed = database.write("renew the lane leases", connection -> {
                try (PreparedStatement renew = connection.prepareStatement(RENEW)) {
                    renew.setLong(1, term.toMillis());
                    renew.setString(2, owner);
                    Array lanes = connection.createArrayOf("text", renewing.keySet().toArray());
                    renew.setArray(3, lanes);
                    Set<String> lanesRenewed = new HashSet<>();
                    try (ResultSet rows = renew.executeQuery()) {
                        while (rows.next()) {
                            lanesRenewed.add(rows.getString(1));
                        }
                    }
                    return lanesRenewed;
                }
            });
            renewing.forEach((lane, lease) -> {
                if (renewed.contains(lane)) {
                    held.replace(lane, lease, new Lease(lease.fence(), validUntil(asked)));
                } else if (held.remove(lane, lease)) {
                    LOG.warn("Lost the lease of lane {}: another connector took it over", lane);
                }
            });
        } catch (RuntimeException e) {
            // the leases run out on their own, and this connector stops acting on their lanes in time
            LOG.warn("Could not renew the lane leases: {}", e.getMessage());
        }
    }

    private long validUntil(long asked) {
        return asked + term.toNanos() - marginNanos;
    }

    @Override
    public void close() {
        renewal.shutdownNow();
        held.clear();
        try {
            database.write("release the lane leases", connection -> {
                try (PreparedStatement release = connection.prepareStatement(RELEASE_ALL)) {
                    release.setString(1, owner);
                    return release.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lane leases; other connectors take the lanes over once they expire: {}",
                    e.getMessage());
        }
    }
}
