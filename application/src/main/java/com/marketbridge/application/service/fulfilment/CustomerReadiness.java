package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.domain.customer.ProvisioningWait;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;

/** Waits, within the settings' bound, for a customer to accept subscribers. */
final class CustomerReadiness {

    private final WebexCustomers customers;
    private final FulfilmentSettings settings;

    CustomerReadiness(WebexCustomers customers, FulfilmentSettings settings) {
        this.customers = customers;
        this.settings = settings;
    }

    /** The customer once ready, or the outcome to answer instead: still in progress, or failed at Webex. */
    Readiness await(WebexCustomer seen, String companyName) {
        ProvisioningWait wait = ProvisioningWait.startingAt(settings.clock().instant(), settings.provisioningWait());
        WebexCustomer customer = seen;
        ProvisioningWait.Decision decision;
        while ((decision = wait.decide(customer.status(), settings.clock().instant())) == ProvisioningWait.Decision.WAIT) {
            pause();
            customer = customers.get(customer.id());
        }
        return switch (decision) {
            case READY -> new Readiness(customer, null);
            case FAILED -> new Readiness(null, new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, customer.describeErrors()));
            default -> new Readiness(null, new Outcome.InProgress("The Webex organization of " + companyName
                    + " is being set up (status '" + customer.status().wireValue()
                    + "'); the subscription completes once it is ready."));
        };
    }

    private void pause() {
        try {
            settings.sleeper().sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Webex customer", e);
        }
    }

    /** Exactly one of the two is present. */
    record Readiness(WebexCustomer customer, Outcome instead) {
        boolean ready() {
            return customer != null;
        }
    }
}
