package com.marketbridge.domain.customer;

import java.util.List;
import java.util.Objects;

/**
 * A company's Webex Wholesale customer: its wholesale id, its Webex organization once provisioned, its
 * status, and the errors Webex reported from the last background attempt. Id, external id, status and errors (copied)
 * are required; a customer that accepts subscribers has an organization id.
 */
public record WebexCustomer(String id, String externalId, String orgId, CustomerStatus status, List<String> errors) {

    public WebexCustomer {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(externalId, "'externalId' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        errors = List.copyOf(Objects.requireNonNull(errors, "'errors' must not be null"));
        if (status.acceptsSubscribers() && (orgId == null || orgId.isBlank())) {
            throw new IllegalArgumentException("a provisioned customer has an orgId");
        }
    }

    /** Webex's errors as one sentence, or the status when Webex gave none. */
    public String describeErrors() {
        return errors.isEmpty()
                ? "Webex reports the customer as '" + status.wireValue() + "'"
                : "Webex reports the customer as '" + status.wireValue() + "': " + String.join("; ", errors);
    }
}
