/**
 * The Webex Wholesale customer of a marketplace company: what a new one gets
 * ({@link com.marketbridge.domain.customer.NewCustomer}, {@link com.marketbridge.domain.customer.CustomerTemplate}),
 * its lifecycle ({@link com.marketbridge.domain.customer.CustomerStatus}) and the bounded wait while Webex provisions
 * it ({@link com.marketbridge.domain.customer.ProvisioningWait}).
 *
 * <p>Values are immutable; a constructor throws {@link java.lang.NullPointerException} for a required component that is
 * null and {@link java.lang.IllegalArgumentException} for one that breaks the type's invariants.
 */
package com.marketbridge.domain.customer;
