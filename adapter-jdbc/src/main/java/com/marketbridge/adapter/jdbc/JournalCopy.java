package com.marketbridge.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moves an embedded journal to PostgreSQL: every row of every table, in one transaction, into a database that holds
 * none yet. The stores' tables have the same columns in both (db/h2 and db/postgresql reach the same version), so each
 * row is copied column by column as it is.
 */
public final class JournalCopy {

    /** In an order the foreign keys accept: a subscription before its users. */
    private static final List<String> TABLES = List.of("events", "event_timeline", "companies", "customers",
            "subscriptions", "subscription_users", "extension_reservations");
    /** The copy keeps the timeline's ids, so its identity column must go on from the largest. */
    private static final String CONTINUE_TIMELINE_IDS = "SELECT setval(pg_get_serial_sequence('event_timeline', 'id'),"
            + " (SELECT COALESCE(MAX(id), 0) + 1 FROM event_timeline), false)";
    private static final int BATCH = 500;

    private JournalCopy() {
    }

    /**
     * Copies the journal in {@code from} into the database of {@code to}, which the copy migrates first; returns the
     * rows copied by table. Neither may be in use by a connector meanwhile (each refuses, as at a start).
     *
     * @throws IllegalStateException either cannot be opened, the target holds events already (nothing is copied
     *                               then), or the copy failed (nothing is kept of it: one transaction)
     */
    public static Map<String, Long> copy(JournalStorage from, PostgresSettings to) {
        try (EmbeddedDatabase source = EmbeddedDatabase.open(from);
             PostgresDatabase target = PostgresDatabase.open(to)) {
            return source.use("read the journal to copy", in -> target.write("copy the journal in",
                    Database.transaction(out -> {
                        refuseUnlessEmpty(out);
                        Map<String, Long> copied = new LinkedHashMap<>();
                        for (String table : TABLES) {
                            copied.put(table, copyTable(in, out, table));
                        }
                        try (Statement identity = out.createStatement()) {
                            identity.execute(CONTINUE_TIMELINE_IDS);
                        }
                        return copied;
                    })));
        }
    }

    private static void refuseUnlessEmpty(Connection target) throws SQLException {
        for (String table : TABLES) {
            try (Statement count = target.createStatement();
                 ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    throw new IllegalStateException("the PostgreSQL database already holds a journal (its table " + table
                            + " has " + rows.getLong(1) + " rows); copy into an empty database");
                }
            }
        }
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long copied = 0;
        try (Statement select = source.createStatement();
             ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement into = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        into.setObject(i, rows.getObject(i));
                    }
                    into.addBatch();
                    if (++copied % BATCH == 0) {
                        into.executeBatch();
                    }
                }
                into.executeBatch();
            }
        }
        return copied;
    }
}
