package com.marketbridge.application.port;

import com.marketbridge.application.fake.CallLog;
import com.marketbridge.application.fake.FakeWebex;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.List;

class FakeWebexContractTest extends WebexPortsContract {

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);
    private int locations;

    @Override
    protected WebexCustomers customers() {
        return webex;
    }

    @Override
    protected WebexSubscribers subscribers() {
        return webex;
    }

    @Override
    protected WebexLocations locations() {
        return webex;
    }

    @Override
    protected WebexExtensions extensions() {
        return webex;
    }

    @Override
    protected WebexPeople people() {
        return webex;
    }

    @Override
    protected WebexCustomer aProvisionedCustomer(String externalId) {
        String id = webex.addCustomer(externalId, CustomerStatus.PROVISIONED);
        return new WebexCustomer(id, externalId, FakeWebex.orgId(externalId), CustomerStatus.PROVISIONED, List.of());
    }

    @Override
    protected String aCallingLocation(String orgId, PostalAddress address) {
        String id = "loc-" + ++locations;
        webex.addLocation(orgId, id, address);
        return id;
    }

    @Override
    protected void usedBySomethingElse(String locationId, String extension) {
        webex.takeExtension(locationId, extension);
    }

    @Override
    protected void aPerson(String orgId, String email) {
        webex.addPerson(orgId, email);
    }

    /** Nothing to do: the fake's answers never get lost, and what the adapter makes of a lost one is the same. */
    @Override
    protected void theNextAnswerIsCutOff() {
    }

    @Override
    protected int callsReachingWebex() {
        return log.all().size();
    }
}
