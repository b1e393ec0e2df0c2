package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.outcome.FailureReason;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Webex listing follows next links only on WEBEX_BASE_URL's origin and path, and only so far. */
class WebexPagingTest extends WireMockWebex {

    static final String FIRST = "/v1/wholesale/customers?externalId=crm-000451";
    static final PostalAddress HARBOUR_ROAD = new PostalAddress("12 Harbour Road", "Springfield", "IL", "62701", "US");

    WireMockServer foreign;

    @BeforeEach
    void startForeignHost() {
        foreign = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        foreign.start();
        foreign.stubFor(get(anyUrl()).willReturn(okJson(json("customers-page-3.json"))));
    }

    @AfterEach
    void stopForeignHost() {
        foreign.stop();
    }

    @Test
    void givenANextLinkToAnotherHost_findByExternalId_failsWithoutSendingAnythingThere() {
        String elsewhere = "http://127.0.0.1:" + foreign.port() + "/v1/wholesale/customers?externalId=crm-000451&offset=2";
        wm.stubFor(get(urlEqualTo(FIRST)).willReturn(okJson(json("customers-page-1.json"))
                .withHeader("Link", "<" + elsewhere + ">; rel=\"next\"")));

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.customers().findByExternalId("crm-000451"));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + foreign.port()).doesNotContain(TOKEN);
        assertThat(foreign.getAllServeEvents()).isEmpty();
        assertThat(foreign.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", matching(".*")))).isEmpty();
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenALocationsNextLinkToAnotherHost_locationIdFor_failsWithoutSendingAnythingThere() {
        wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1")).willReturn(okJson(json("locations.json"))
                .withHeader("Link", "<http://127.0.0.1:" + foreign.port() + "/v1/locations?orgId=ORG1&offset=2>; rel=next")));

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.locations().locationIdFor("ORG1", HARBOUR_ROAD));

        assertThat(failure.getMessage()).contains("127.0.0.1:" + foreign.port());
        assertThat(foreign.getAllServeEvents()).isEmpty();
    }

    @Test
    void givenANextLinkOutsideTheBasePath_findByExternalId_failsWithoutFollowingIt() {
        wm.stubFor(get(urlEqualTo(FIRST)).willReturn(okJson(json("customers-page-1.json"))
                .withHeader("Link", "<http://127.0.0.1:" + wm.port() + "/admin/export?offset=2>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo("/admin/export")).willReturn(okJson(json("customers-page-3.json"))));

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.customers().findByExternalId("crm-000451"));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenAPageThatLinksToItself_findByExternalId_stopsAfterTwoRequestsWithAnError() {
        ResponseDefinitionBuilder selfLinked = okJson(json("customers-page-1.json"))
                .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451"));
        // the page turns empty on the 10th call, so that unbounded paging ends (and this test fails) instead of hanging
        stubInSequence(() -> get(urlEqualTo(FIRST)), selfLinked, selfLinked, selfLinked, selfLinked, selfLinked,
                selfLinked, selfLinked, selfLinked, selfLinked, okJson(json("empty-list.json")));

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.customers().findByExternalId("crm-000451"));

        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).contains("again");
        // the first page's own URL is Feign's to build, so its repetition is seen on the second fetch
        assertThat(wm.getAllServeEvents()).hasSize(2);
    }

    @Test
    void givenMorePagesThanTheBound_findByExternalId_failsAfterExactlyTheBoundsRequests() {
        int bound = WebexAssumptions.MAX_PAGES_PER_LISTING;
        wm.stubFor(get(urlEqualTo(FIRST)).willReturn(okJson(json("customers-page-1.json"))
                .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451&offset=1"))));
        for (int page = 1; page <= bound + 1; page++) {
            wm.stubFor(get(urlEqualTo(FIRST + "&offset=" + page)).willReturn(okJson(json("customers-page-1.json"))
                    .withHeader("Link", nextLink("/wholesale/customers?externalId=crm-000451&offset=" + (page + 1)))));
        }

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.customers().findByExternalId("crm-000451"));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).contains(String.valueOf(bound));
        assertThat(wm.getAllServeEvents()).hasSize(bound);
        wm.verify(0, getRequestedFor(urlEqualTo(FIRST + "&offset=" + bound)));
    }

    /** A page of {@code count} locations, none at the address looked for. */
    static String locations(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"id\":\"LOC" + i + "\",\"name\":\"Branch " + i + "\",\"address\":{\"address1\":\"" + i
                        + " Elm Street\",\"city\":\"Springfield\",\"postalCode\":\"62704\"}}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
    }

    @Test
    void givenPagesOfThousandsOfItems_locationIdFor_stopsAtThePageThatPassesTheItemBound() {
        int perPage = 3_000;
        for (int page = 0; page <= WebexAssumptions.MAX_ITEMS_PER_LISTING / perPage + 1; page++) {
            wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1" + (page == 0 ? "" : "&offset=" + page)))
                    .willReturn(okJson(locations(perPage)).withHeader("Link", nextLink("/locations?orgId=ORG1&offset=" + (page + 1)))));
        }

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.locations().locationIdFor("ORG1", HARBOUR_ROAD));

        assertThat(failure.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
        assertThat(failure.getMessage()).isEqualTo("Webex lists more than 10000 items to list locations; stopped at page 4");
        assertThat(wm.getAllServeEvents()).hasSize(4);
    }

    @Test
    void givenOnePageOfMoreItemsThanTheBound_locationIdFor_failsAfterThatPage() {
        wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1"))
                .willReturn(okJson(locations(WebexAssumptions.MAX_ITEMS_PER_LISTING + 1))));

        UpstreamException failure = catchThrowableOfType(UpstreamException.class,
                () -> webex.locations().locationIdFor("ORG1", HARBOUR_ROAD));

        assertThat(failure.getMessage()).isEqualTo("Webex lists more than 10000 items to list locations; stopped at page 1");
    }
}
