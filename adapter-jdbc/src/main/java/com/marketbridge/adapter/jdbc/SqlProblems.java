package com.marketbridge.adapter.jdbc;

import java.sql.SQLException;

/** What a database's error says about whom to blame, read from its SQLSTATE the same way for H2 and PostgreSQL. */
final class SqlProblems {

    /** A unique key refused the row: the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private SqlProblems() {
    }

    /** Refused for its data or its text (SQLSTATE classes 22, 23, 42): a defect of the connector, not of the storage. */
    static boolean isRefusedStatement(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }
}
