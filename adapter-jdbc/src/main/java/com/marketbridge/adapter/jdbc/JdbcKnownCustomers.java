package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The known customers, in the database the stores share. */
final class JdbcKnownCustomers implements KnownCustomers {

    private static final String FIND = "SELECT customer_id, external_id, org_id, status FROM customers WHERE external_id = ?";
    private static final String DELETE = "DELETE FROM customers WHERE external_id = ?";

    private final Database database;
    private final String remember;
    private final Clock clock = Clock.systemUTC();

    JdbcKnownCustomers(Database database) {
        this.database = database;
        this.remember = database.upsert("customers", "external_id", "external_id", "customer_id", "org_id", "status",
                "updated_at");
    }

    @Override
    public Optional<WebexCustomer> find(String externalId) {
        return database.use("find customer " + externalId, connection -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, externalId);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    // Webex's errors describe one background attempt; they are asked for again, not remembered
                    return Optional.of(new WebexCustomer(row.getString("customer_id"), row.getString("external_id"),
                            row.getString("org_id"), CustomerStatus.fromWire(row.getString("status")), List.of()));
                }
            }
        });
    }

    @Override
    public void remember(WebexCustomer customer) {
        database.write("remember customer " + customer.externalId(), connection -> {
            try (PreparedStatement merge = connection.prepareStatement(remember)) {
                merge.setString(1, customer.externalId());
                merge.setString(2, customer.id());
                merge.setString(3, customer.orgId());
                merge.setString(4, customer.status().name());
                merge.setObject(5, EventRows.timestamp(clock.instant()));
                return merge.executeUpdate();
            }
        });
    }

    @Override
    public void forget(String externalId) {
        database.write("forget customer " + externalId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, externalId);
                return delete.executeUpdate();
            }
        });
    }
}
