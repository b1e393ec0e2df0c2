package com.example.connector.domain;

import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionOrdered;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer's subscription moving from the partner's old system: the company, its buyer, the edition and the seats.
 * Its {@code reference} (the old system's id) names the order event it becomes, so importing the same subscription
 * again is the same event, which MarketBridge never runs twice.
 *
 * @param seats the seats bought, or null for no limit
 */
public record MovedSubscription(String reference, String companyUuid, String companyName, String buyerEmail,
                                String buyerFirstName, String buyerLastName, String edition, Long seats) {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public MovedSubscription {
        Objects.requireNonNull(reference, "'reference' must not be null");
        Objects.requireNonNull(companyUuid, "'companyUuid' must not be null");
        Objects.requireNonNull(companyName, "'companyName' must not be null");
        Objects.requireNonNull(buyerEmail, "'buyerEmail' must not be null");
        Objects.requireNonNull(edition, "'edition' must not be null");
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("a reference is 1 to 64 letters, digits, '.', '_' or '-', got '" + reference + "'");
        }
        if (seats != null && seats < 1) {
            throw new IllegalArgumentException("'seats' must be at least 1, got " + seats);
        }
    }

    /** The order event MarketBridge fulfils for it: the company buys the edition, the buyer its first user. */
    public SubscriptionOrdered toOrder() {
        return new SubscriptionOrdered(new EventToken("import-" + reference), EventFlag.LIVE,
                new Company(companyUuid, companyName, null, null, null),
                new MarketplaceUser(null, buyerEmail, buyerFirstName, buyerLastName, null),
                new Order(edition, seats == null ? List.of() : List.of(new OrderItem("USER", seats))));
    }
}
