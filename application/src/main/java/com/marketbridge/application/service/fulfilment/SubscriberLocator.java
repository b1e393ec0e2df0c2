package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.util.Optional;

/**
 * Resolves the account of a change or cancel to its Webex customer, ready for work. The subscriber is
 * the one the account names, not whoever triggered the event; demo-era accounts fall back to the creator.
 */
final class SubscriberLocator {

    private final Webex webex;
    private final CustomerReadiness readiness;

    SubscriberLocator(Webex webex, FulfilmentSettings settings) {
        this.webex = webex;
        this.readiness = new CustomerReadiness(webex.customers(), settings);
    }

    Located locate(String accountIdentifier, Optional<MarketplaceUser> creator) {
        Optional<SubscriptionAccount> parsed = SubscriptionAccount.parse(accountIdentifier, creator.map(MarketplaceUser::email));
        if (parsed.isEmpty()) {
            return Located.instead(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                    "Account '" + accountIdentifier + "' names no subscriber, and the event has no user to fall back to"));
        }
        SubscriptionAccount account = parsed.get();
        Optional<WebexCustomer> customer = webex.customers().findByExternalId(account.companyUuid());
        if (customer.isEmpty()) {
            return Located.instead(new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND,
                    "No Webex customer exists for company " + account.companyUuid()));
        }
        CustomerReadiness.Readiness ready = readiness.await(customer.get(), account.companyUuid());
        return ready.ready() ? new Located(account, ready.customer(), null) : Located.instead(ready.instead());
    }

    /** Either the account with its ready customer, or the outcome to answer instead. */
    record Located(SubscriptionAccount account, WebexCustomer customer, Outcome instead) {
        static Located instead(Outcome outcome) {
            return new Located(null, null, outcome);
        }

        boolean found() {
            return instead == null;
        }
    }
}
