package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Optional;

/** Wholesale customers over {@code /wholesale/customers}. */
final class WebexCustomersAdapter implements WebexCustomers {

    private final WebexApi api;
    private final WebexCalls calls;
    private final NextLinks links;

    WebexCustomersAdapter(WebexApi api, WebexCalls calls, NextLinks links) {
        this.api = api;
        this.calls = calls;
        this.links = links;
    }

    /** Matches the external id on our side too, and reads on through every page until it is found. */
    @Override
    public Optional<WebexCustomer> findByExternalId(String externalId) {
        return Page.all(links, "list customers",
                        () -> calls.call("list customers", Subject.CUSTOMER, () -> api.customers(externalId)),
                        next -> calls.call("list customers", Subject.CUSTOMER, () -> api.customers(next)))
                .filter(customer -> externalId.equals(customer.externalId()))
                .findFirst()
                .map(CustomerMapper::toDomain);
    }

    @Override
    public String create(NewCustomer customer) {
        NewCustomerDto body = CustomerMapper.toDto(customer);
        return calls.checked("create customer " + customer.externalId(), Subject.CUSTOMER,
                () -> CustomerMapper.idOf(api.createCustomer(body)),
                () -> findByExternalId(customer.externalId()).map(WebexCustomer::id));
    }

    @Override
    public WebexCustomer get(String customerId) {
        return CustomerMapper.toDomain(
                calls.call("read customer " + customerId, Subject.CUSTOMER, () -> api.customer(customerId)));
    }
}
