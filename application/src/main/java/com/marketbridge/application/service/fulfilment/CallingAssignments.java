package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;

/** Finds where a new calling user goes: the customer's location at the partner's address and a free extension. */
final class CallingAssignments {

    private final Webex webex;
    private final FulfilmentSettings settings;

    CallingAssignments(Webex webex, FulfilmentSettings settings) {
        this.webex = webex;
        this.settings = settings;
    }

    /** Throws {@code CONFIGURATION_ERROR} when the organization has no location or its extension range is full. */
    CallingAssignment forCustomer(WebexCustomer customer) {
        String orgId = customer.orgId();
        String locationId = webex.locations().locationIdFor(orgId, settings.template().address())
                .orElseThrow(() -> new UpstreamException(FailureReason.CONFIGURATION_ERROR,
                        "The Webex organization of customer " + customer.externalId() + " has no calling location"));
        String extension = webex.extensions().findFree(orgId, locationId)
                .orElseThrow(() -> new UpstreamException(FailureReason.CONFIGURATION_ERROR,
                        "No free extension is left in the configured range at the customer's location"));
        return new CallingAssignment(locationId, extension);
    }
}
