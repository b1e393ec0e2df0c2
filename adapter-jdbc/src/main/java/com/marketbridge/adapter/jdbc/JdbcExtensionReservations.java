package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.ExtensionReservations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Extension reservations kept in the database the journal uses. The table's primary key (location, extension) makes a
 * reservation atomic, across every connector sharing a PostgreSQL database too.
 */
final class JdbcExtensionReservations implements ExtensionReservations {

    private static final String TAKEN = "SELECT extension FROM extension_reservations WHERE location_id = ?";
    private static final String RESERVE = "INSERT INTO extension_reservations (location_id, extension, holder, reserved_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String HELD_BY = "SELECT MIN(extension) FROM extension_reservations WHERE location_id = ? AND holder = ?";
    private static final String UNHOLD = "UPDATE extension_reservations SET holder = NULL, reserved_at = ?"
            + " WHERE location_id = ? AND extension = ?";
    private static final String RELEASE = "DELETE FROM extension_reservations WHERE location_id = ? AND holder = ?";

    private final Database database;
    private final Clock clock = Clock.systemUTC();

    JdbcExtensionReservations(Database database) {
        this.database = database;
    }

    @Override
    public Set<String> taken(String locationId) {
        return database.use("read the extensions taken at " + locationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(TAKEN)) {
                select.setString(1, locationId);
                Set<String> taken = new HashSet<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        taken.add(row.getString(1));
                    }
                }
                return Set.copyOf(taken);
            }
        });
    }

    @Override
    public boolean reserve(String locationId, String extension, String holder) {
        return database.write("reserve extension " + extension + " at " + locationId, connection -> {
            try {
                insert(connection, locationId, extension, holder);
                return true;
            } catch (SQLException e) {
                if (SqlProblems.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<String> heldBy(String locationId, String holder) {
        return database.use("read the extension of a user at " + locationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(HELD_BY)) {
                select.setString(1, locationId);
                select.setString(2, holder);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void usedElsewhere(String locationId, String extension) {
        database.write("record extension " + extension + " as used at " + locationId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(UNHOLD)) {
                update.setObject(1, now());
                update.setString(2, locationId);
                update.setString(3, extension);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            insert(connection, locationId, extension, null);
            return null;
        });
    }

    @Override
    public void release(String locationId, String holder) {
        database.write("release the extension of a user at " + locationId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(RELEASE)) {
                delete.setString(1, locationId);
                delete.setString(2, holder);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void insert(Connection connection, String locationId, String extension, String holder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RESERVE)) {
            insert.setString(1, locationId);
            insert.setString(2, extension);
            insert.setString(3, holder);
            insert.setObject(4, now());
            insert.executeUpdate();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
