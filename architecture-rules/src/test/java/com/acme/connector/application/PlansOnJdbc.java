package com.acme.connector.application;

import com.acme.connector.domain.Plan;
import java.sql.Connection;
import java.sql.SQLException;

/** Fixture: a use case that queries a database itself. */
public final class PlansOnJdbc {

    public static boolean has(Connection connection, Plan plan) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM plans WHERE edition = ?")) {
            statement.setString(1, plan.editionCode());
            return statement.executeQuery().next();
        }
    }
}
