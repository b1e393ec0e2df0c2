package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The Webex REST API (wholesale customers and subscribers, locations, telephony, people) as this adapter
 * calls it. Feign does not retry: {@link WebexCalls} decides, because a create must not be re-posted blindly.
 */
@Headers({"Accept: application/json", "Content-Type: application/json"})
interface WebexApi {

    @RequestLine("GET /wholesale/customers?externalId={externalId}")
    Page<CustomerDto> customers(@Param("externalId") String externalId);

    @RequestLine("GET")
    Page<CustomerDto> customers(URI next);

    @RequestLine("POST /wholesale/customers")
    Reply<ResourceUrlDto> createCustomer(NewCustomerDto customer);

    @RequestLine("GET /wholesale/customers/{customerId}")
    CustomerDto customer(@Param("customerId") String customerId);

    @RequestLine("POST /wholesale/subscribers/validate")
    PrecheckDto validateSubscriber(NewSubscriberDto subscriber);

    @RequestLine("POST /wholesale/subscribers")
    Reply<SubscriberDto> createSubscriber(NewSubscriberDto subscriber);

    @RequestLine("GET /wholesale/subscribers?customerId={customerId}&email={email}")
    Page<SubscriberDto> subscribers(@Param("customerId") String customerId, @Param("email") String email);

    @RequestLine("GET")
    Page<SubscriberDto> subscribers(URI next);

    @RequestLine("PUT /wholesale/subscribers/{subscriberId}")
    SubscriberDto changeSubscriber(@Param("subscriberId") String subscriberId, PackageChangeDto change);

    @RequestLine("DELETE /wholesale/subscribers/{subscriberId}")
    void removeSubscriber(@Param("subscriberId") String subscriberId);

    @RequestLine("GET /locations?orgId={orgId}")
    Page<LocationDto> locations(@Param("orgId") String orgId);

    @RequestLine("GET")
    Page<LocationDto> locations(URI next);

    @RequestLine("POST /telephony/config/locations/{locationId}/actions/validateExtensions/invoke?orgId={orgId}")
    ExtensionVerdictDto validateExtensions(@Param("orgId") String orgId, @Param("locationId") String locationId,
                                           ExtensionCandidatesDto candidates);

    @RequestLine("GET /people?email={email}&orgId={orgId}")
    Page<PersonDto> people(@Param("email") String email, @Param("orgId") String orgId);

    @RequestLine("DELETE /people/{personId}")
    void removePerson(@Param("personId") String personId);

    /** Builds the client over the shared {@code http} client, with the settings' timeouts on every call. */
    static WebexApi connect(WebexSettings settings, Client http, AccessTokens tokens) {
        ObjectMapper json = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        return Feign.builder()
                .client(http)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .encoder(new JacksonEncoder(json))
                .decoder(new WebexDecoder(json))
                .errorDecoder(new WebexErrorDecoder(json))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.current()))
                .target(WebexApi.class, settings.baseUrl().toString());
    }
}
