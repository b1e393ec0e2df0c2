package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.marketbridge.application.port.WebexPortsContract;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The real adapter, over HTTP, against a stateful Webex stand-in on 127.0.0.1. */
class WebexWholesaleContractTest extends WebexPortsContract {

    private final WebexStandIn standIn = new WebexStandIn();
    private WireMockServer wm;
    private WebexWholesale webex;

    @BeforeEach
    void startWebex() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(standIn));
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(WebexStandIn.NAME)));
        webex = WireMockWebex.connect(WebexSettings.staticToken(URI.create("http://127.0.0.1:" + wm.port() + "/v1"),
                new Secret(WireMockWebex.TOKEN)).withRetry(WireMockWebex.FAST));
    }

    @AfterEach
    void stopWebex() {
        wm.stop();
    }

    @Override
    protected WebexCustomers customers() {
        return webex.customers();
    }

    @Override
    protected WebexSubscribers subscribers() {
        return webex.subscribers();
    }

    @Override
    protected WebexLocations locations() {
        return webex.locations();
    }

    @Override
    protected WebexExtensions extensions() {
        return webex.extensions();
    }

    @Override
    protected WebexPeople people() {
        return webex.people();
    }

    @Override
    protected WebexCustomer aProvisionedCustomer(String externalId) {
        WebexStandIn.Customer customer = standIn.provisionedCustomer(externalId, List.of("webex_calling"));
        return new WebexCustomer(customer.id(), externalId, customer.orgId(), CustomerStatus.PROVISIONED, List.of());
    }

    @Override
    protected String aCallingLocation(String orgId, PostalAddress address) {
        return standIn.location(orgId, address.line1(), address.line1(), address.city(), address.state(), address.zip(),
                address.country());
    }

    @Override
    protected void usedBySomethingElse(String locationId, String extension) {
        standIn.usedBySomethingElse(locationId, extension);
    }

    @Override
    protected void aPerson(String orgId, String email) {
        standIn.person(orgId, email);
    }

    @Override
    protected void theNextAnswerIsCutOff() {
        standIn.cutOffNextAnswer();
    }

    @Override
    protected int callsReachingWebex() {
        return standIn.requests();
    }
}
