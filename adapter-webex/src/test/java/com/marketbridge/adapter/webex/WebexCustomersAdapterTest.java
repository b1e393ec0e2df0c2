package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebexCustomersAdapterTest extends WireMockWebex {

    static final CustomerTemplate TEMPLATE = new CustomerTemplate("UHJvdlRlbXBsYXRlLTAwMQ",
            List.of("webex_calling", "webex_meetings"),
            new PostalAddress("12 Harbour Road", "Springfield", "IL", "62701", "US"), "America/Chicago");
    static final String LOCATION = "https://webexapis.example/v1/wholesale/customers/CUST1";

    @Test
    void givenTheCustomerOnPage3Of3_findByExternalId_followsTheNextLinksAndFindsIt() {
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451"))
                .willReturn(okJson(json("customers-page-1.json"))
                        .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451&max=2&offset=2"))));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451&max=2&offset=2"))
                .willReturn(okJson(json("customers-page-2.json"))
                        .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451&max=null&offset=4"))));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451&offset=4"))
                .willReturn(okJson(json("customers-page-3.json"))));

        WebexCustomer found = webex.customers().findByExternalId("crm-000451").orElseThrow();

        assertThat(found).isEqualTo(new WebexCustomer("CUST1", "crm-000451", "ORG1", CustomerStatus.PROVISIONED, List.of()));
        wm.verify(getRequestedFor(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451&offset=4"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(wm.getAllServeEvents()).hasSize(3);
    }

    @Test
    void givenNoCustomerWithTheExternalId_findByExternalId_isEmptyAfterOneCall() {
        wm.stubFor(get(urlPathEqualTo("/v1/wholesale/customers")).willReturn(okJson(json("empty-list.json"))
                .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451&offset=50"))));

        assertThat(webex.customers().findByExternalId("crm-000451")).isEmpty();
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenAcceptedProvisioning_createThenGet_returnsTheLocationIdAndFollowsProvisioningToProvisioned() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/customers")).willReturn(aResponse().withStatus(202)
                .withHeader("Location", LOCATION).withHeader("Content-Type", "application/json")
                .withBody("{\"url\": \"" + LOCATION + "\"}")));
        stubInSequence(() -> get(urlEqualTo("/v1/wholesale/customers/CUST1")),
                okJson(json("customer-provisioning.json")), okJson(json("customer-provisioned.json")));

        String id = webex.customers().create(new NewCustomer("crm-000451", "Harbour %Dental", "it-admin@harbourdental.example",
                "en-US", TEMPLATE, true));
        WebexCustomer first = webex.customers().get(id);
        WebexCustomer second = webex.customers().get(id);

        assertThat(id).isEqualTo("CUST1");
        assertThat(first.status()).isEqualTo(CustomerStatus.PROVISIONING);
        assertThat(first.orgId()).isNull();
        assertThat(second).isEqualTo(new WebexCustomer("CUST1", "crm-000451", "ORG1", CustomerStatus.PROVISIONED, List.of()));
        wm.verify(postRequestedFor(urlEqualTo("/v1/wholesale/customers"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json("customer-create-request.json"))));
    }

    @Test
    void givenNoCallingLocationAndNoLocationHeader_create_sendsNoProvisioningParametersAndReadsTheBodyUrl() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/customers"))
                .willReturn(okJson(json("customer-accepted.json")).withStatus(202)));

        String id = webex.customers().create(new NewCustomer("crm-000451", "Harbour Dental",
                "it-admin@harbourdental.example", "fr-ca", TEMPLATE, false));

        assertThat(id).isEqualTo("Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMGYxZTJkM2MtNGI1YS00Njk3LTg4NzctNjY1NTQ0MzMyMjEx");
        wm.verify(postRequestedFor(urlEqualTo("/v1/wholesale/customers"))
                .withRequestBody(equalToJson(json("customer-create-request-meetings-only.json"))));
    }

    @Test
    void givenProvisionedWithErrors_get_surfacesEachPackageErrorWithItsPackage() {
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers/CUST1")).willReturn(okJson(json("customer-provisioned-with-errors.json"))));

        WebexCustomer customer = webex.customers().get("CUST1");

        assertThat(customer.status()).isEqualTo(CustomerStatus.PROVISIONED_WITH_ERRORS);
        assertThat(customer.errors()).containsExactly("webex_calling: Calling services under maintenance; retry later.");
        assertThat(customer.describeErrors()).contains("provisioned_with_errors", "Calling services under maintenance");
    }

    @Test
    void givenProvisioningFailed_get_surfacesTheCustomerErrors() {
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers/CUST1")).willReturn(okJson(json("customer-error.json"))));

        WebexCustomer customer = webex.customers().get("CUST1");

        assertThat(customer.status()).isEqualTo(CustomerStatus.ERROR);
        assertThat(customer.errors()).containsExactly("The provisioning template is not valid for this partner.");
    }

    @Test
    void givenA503OnCreateAndNothingCreated_create_looksUpThenPostsAgain() {
        stubInSequence(() -> post(urlEqualTo("/v1/wholesale/customers")), serviceUnavailable(),
                aResponse().withStatus(202).withHeader("Location", LOCATION));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451")).willReturn(okJson(json("empty-list.json"))));

        String id = webex.customers().create(new NewCustomer("crm-000451", "Harbour Dental",
                "it-admin@harbourdental.example", null, TEMPLATE, true));

        assertThat(id).isEqualTo("CUST1");
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451")));
        assertThat(wm.getAllServeEvents()).extracting(event -> event.getRequest().getMethod().getName())
                .containsExactly("POST", "GET", "POST");
    }

    @Test
    void givenA503OnCreateButTheCustomerWasCreated_create_returnsItWithoutPostingAgain() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/customers")).willReturn(serviceUnavailable()));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/customers?externalId=crm-000451"))
                .willReturn(okJson(json("customers-page-3.json"))));

        String id = webex.customers().create(new NewCustomer("crm-000451", "Harbour Dental",
                "it-admin@harbourdental.example", null, TEMPLATE, true));

        assertThat(id).isEqualTo("CUST1");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
    }
}
