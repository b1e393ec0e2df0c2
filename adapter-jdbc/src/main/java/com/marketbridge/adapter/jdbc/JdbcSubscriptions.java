package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions kept in the database the journal uses; a save is one transaction with the subscription's users.
 */
final class JdbcSubscriptions implements Subscriptions {

    private static final String FIND = "SELECT account_identifier, company_uuid, customer_id, package_name, package_calling,"
            + " seat_limit, status FROM subscriptions WHERE account_identifier = ?";
    private static final String FIND_USERS = "SELECT email, first_name, last_name, subscriber_id, person_id, extension, location_id"
            + " FROM subscription_users WHERE account_identifier = ? ORDER BY position";
    private static final String ALL = "SELECT account_identifier FROM subscriptions ORDER BY account_identifier";
    private static final String OF_COMPANY = "SELECT account_identifier FROM subscriptions WHERE company_uuid = ?"
            + " OR company_uuid IN (SELECT uuid FROM companies WHERE LOWER(name) LIKE ?" + Like.ESCAPE + ")"
            + " ORDER BY account_identifier";
    private static final String DELETE_USERS = "DELETE FROM subscription_users WHERE account_identifier = ?";
    private static final String INSERT_USER = "INSERT INTO subscription_users (account_identifier, position, email, first_name,"
            + " last_name, subscriber_id, person_id, extension, location_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database database;
    private final String save;
    private final Clock clock = Clock.systemUTC();

    JdbcSubscriptions(Database database) {
        this.database = database;
        this.save = database.upsert("subscriptions", "account_identifier", "account_identifier", "company_uuid",
                "customer_id", "package_name", "package_calling", "seat_limit", "status", "updated_at");
    }

    @Override
    public List<Subscription> ofCompany(String company) {
        String sql = company == null ? ALL : OF_COMPANY;
        return database.use("list the subscriptions of " + (company == null ? "every company" : company), connection -> {
            List<String> accounts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (company != null) {
                    select.setString(1, company);
                    select.setString(2, Like.containing(company));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        accounts.add(row.getString(1));
                    }
                }
            }
            // on the same connection: one read of the listing, not a connection per subscription
            List<Subscription> subscriptions = new ArrayList<>();
            for (String account : accounts) {
                find(connection, account).ifPresent(subscriptions::add);
            }
            return subscriptions;
        });
    }

    @Override
    public Optional<Subscription> find(String accountIdentifier) {
        return database.use("find subscription " + accountIdentifier, connection -> find(connection, accountIdentifier));
    }

    private static Optional<Subscription> find(Connection connection, String accountIdentifier) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, accountIdentifier);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long seats = row.getLong("seat_limit");
                Long seatLimit = row.wasNull() ? null : seats;
                return Optional.of(new Subscription(row.getString("account_identifier"), row.getString("company_uuid"),
                        row.getString("customer_id"),
                        new WebexPackage(row.getString("package_name"), row.getBoolean("package_calling")),
                        seatLimit, SubscriptionStatus.valueOf(row.getString("status")),
                        users(connection, accountIdentifier)));
            }
        }
    }

    private static List<SubscriptionUser> users(Connection connection, String accountIdentifier) throws SQLException {
        List<SubscriptionUser> users = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(FIND_USERS)) {
            find.setString(1, accountIdentifier);
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    String extension = row.getString("extension");
                    users.add(new SubscriptionUser(row.getString("email"), row.getString("first_name"),
                            row.getString("last_name"), row.getString("subscriber_id"), row.getString("person_id"),
                            extension == null ? null : new CallingAssignment(row.getString("location_id"), extension)));
                }
            }
        }
        return users;
    }

    @Override
    public void save(Subscription subscription) {
        database.write("save subscription " + subscription.accountIdentifier(), Database.transaction(connection -> {
            write(connection, subscription);
            return null;
        }));
    }

    private void write(Connection connection, Subscription subscription) throws SQLException {
        String account = subscription.accountIdentifier();
        try (PreparedStatement merge = connection.prepareStatement(save)) {
            merge.setString(1, account);
            merge.setString(2, subscription.companyUuid());
            merge.setString(3, subscription.customerId());
            merge.setString(4, subscription.webexPackage().name());
            merge.setBoolean(5, subscription.webexPackage().calling());
            if (subscription.seatLimit() == null) {
                merge.setNull(6, Types.BIGINT);
            } else {
                merge.setLong(6, subscription.seatLimit());
            }
            merge.setString(7, subscription.status().name());
            merge.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            merge.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_USERS)) {
            delete.setString(1, account);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_USER)) {
            int position = 0;
            for (SubscriptionUser user : subscription.users()) {
                insert.setString(1, account);
                insert.setInt(2, position++);
                insert.setString(3, user.email());
                insert.setString(4, user.firstName());
                insert.setString(5, user.lastName());
                insert.setString(6, user.subscriberId());
                insert.setString(7, user.personId());
                insert.setString(8, user.optionalCalling().map(CallingAssignment::extension).orElse(null));
                insert.setString(9, user.optionalCalling().map(CallingAssignment::locationId).orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
