package com.marketbridge.domain.subscription;

import java.util.Objects;
import java.util.Optional;

/**
 * The identity of one Webex subscription: the company (the Webex customer's external id) and the
 * subscriber's email. Its {@link #identifier()} is the account identifier the marketplace keeps and sends
 * back on every later event, so a change or cancel acts on this subscriber, whoever triggers it.
 *
 * <p>Accounts created by the original demo carry the bare company uuid; {@link #parse} reads those too,
 * leaving the subscriber to the caller's fallback (the event's user, as the demo did).
 */
public record SubscriptionAccount(String companyUuid, String subscriberEmail) {

    /** Between company and email; a uuid never contains it, so the first one splits. */
    static final char SEPARATOR = ':';

    public SubscriptionAccount {
        Objects.requireNonNull(companyUuid, "'companyUuid' must not be null");
        Objects.requireNonNull(subscriberEmail, "'subscriberEmail' must not be null");
        if (companyUuid.isBlank() || companyUuid.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("'companyUuid' must be non-blank and free of '" + SEPARATOR + "'");
        }
        if (subscriberEmail.isBlank()) {
            throw new IllegalArgumentException("'subscriberEmail' must not be blank");
        }
    }

    /**
     * Reads an account identifier. For a demo-era identifier (a bare company uuid) the subscriber is
     * {@code legacyFallbackEmail}; without one the result is empty, as it is for a blank identifier.
     */
    public static Optional<SubscriptionAccount> parse(String accountIdentifier, Optional<String> legacyFallbackEmail) {
        if (accountIdentifier == null || accountIdentifier.isBlank()) {
            return Optional.empty();
        }
        String identifier = accountIdentifier.strip();
        int split = identifier.indexOf(SEPARATOR);
        if (split < 0) {
            return legacyFallbackEmail.filter(email -> !email.isBlank())
                    .map(email -> new SubscriptionAccount(identifier, email));
        }
        String company = identifier.substring(0, split);
        String email = identifier.substring(split + 1);
        if (company.isBlank() || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionAccount(company, email));
    }

    /** The company an account identifier belongs to, ours or the demo's (a bare company uuid). */
    public static String companyOf(String accountIdentifier) {
        String identifier = accountIdentifier.strip();
        int split = identifier.indexOf(SEPARATOR);
        return split < 0 ? identifier : identifier.substring(0, split);
    }

    /** The account identifier the marketplace keeps: {@code companyUuid:subscriberEmail}. */
    public String identifier() {
        return companyUuid + SEPARATOR + subscriberEmail;
    }
}
