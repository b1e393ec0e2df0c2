package com.marketbridge.domain.subscription;

import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the connector knows of one subscription, the unit every later event acts on: its account, company
 * and Webex customer, its package, how many users it may have, its status and its users, in the order
 * they joined (the buyer first). Everything but the seat limit is required; the account identifier is not blank, the
 * seat limit not negative, and no email is on it twice (ignoring case).
 *
 * @param seatLimit the most users the subscription may have; null when its order limits none
 */
public record Subscription(String accountIdentifier, String companyUuid, String customerId, WebexPackage webexPackage,
                           Long seatLimit, SubscriptionStatus status, List<SubscriptionUser> users) {

    /** The pricing unit whose quantity counts seats (contract §2.3). */
    static final String SEAT_UNIT = "USER";

    public Subscription {
        Objects.requireNonNull(accountIdentifier, "'accountIdentifier' must not be null");
        Objects.requireNonNull(companyUuid, "'companyUuid' must not be null");
        Objects.requireNonNull(customerId, "'customerId' must not be null");
        Objects.requireNonNull(webexPackage, "'webexPackage' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        users = List.copyOf(Objects.requireNonNull(users, "'users' must not be null"));
        if (accountIdentifier.isBlank()) {
            throw new IllegalArgumentException("'accountIdentifier' must not be blank");
        }
        if (seatLimit != null && seatLimit < 0) {
            throw new IllegalArgumentException("'seatLimit' must not be negative, got " + seatLimit);
        }
        for (int i = 0; i < users.size(); i++) {
            for (int j = i + 1; j < users.size(); j++) {
                if (users.get(i).is(users.get(j).email())) {
                    throw new IllegalArgumentException("user " + users.get(i).email() + " is on the subscription twice");
                }
            }
        }
    }

    /** The seats an order buys: the sum of its {@code USER} quantities, or null (unlimited) when it has none. */
    public static Long seatLimitOf(Order order) {
        return order.items().stream()
                .filter(item -> item.unit().equalsIgnoreCase(SEAT_UNIT))
                .map(item -> item.quantity())
                .reduce(Long::sum)
                .orElse(null);
    }

    /**
     * The seat rule: a user already on the subscription keeps their seat, anyone else needs a free one. A
     * limit lowered below the users already there takes nobody's seat away; it only stops new ones.
     */
    public boolean hasSeatFor(String email) {
        return optionalUser(email).isPresent() || seatLimit == null || users.size() < seatLimit;
    }

    /** The user with this email, ignoring case. */
    public Optional<SubscriptionUser> optionalUser(String email) {
        return users.stream().filter(user -> user.is(email)).findFirst();
    }

    /** Adds the user, or replaces the one with the same email in place. */
    public Subscription withUser(SubscriptionUser user) {
        List<SubscriptionUser> next = new ArrayList<>(users);
        int at = indexOf(user.email());
        if (at < 0) {
            next.add(user);
        } else {
            next.set(at, user);
        }
        return new Subscription(accountIdentifier, companyUuid, customerId, webexPackage, seatLimit, status, next);
    }

    /** Without the user of this email (ignoring case), if there is one. */
    public Subscription withoutUser(String email) {
        return new Subscription(accountIdentifier, companyUuid, customerId, webexPackage, seatLimit, status,
                users.stream().filter(user -> !user.is(email)).toList());
    }

    /**
     * Each user changed by {@code change}.
     *
     * @throws IllegalArgumentException the change gives two users the same email
     */
    public Subscription withUsers(UnaryOperator<SubscriptionUser> change) {
        return new Subscription(accountIdentifier, companyUuid, customerId, webexPackage, seatLimit, status,
                users.stream().map(change).toList());
    }

    /** The same subscription in another status. */
    public Subscription withStatus(SubscriptionStatus next) {
        return new Subscription(accountIdentifier, companyUuid, customerId, webexPackage, seatLimit, next, users);
    }

    /** The same subscription with another package and seat limit (null: unlimited); its users are kept. */
    public Subscription withPlan(WebexPackage nextPackage, Long nextSeatLimit) {
        return new Subscription(accountIdentifier, companyUuid, customerId, nextPackage, nextSeatLimit, status, users);
    }

    private int indexOf(String email) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).is(email)) {
                return i;
            }
        }
        return -1;
    }
}
