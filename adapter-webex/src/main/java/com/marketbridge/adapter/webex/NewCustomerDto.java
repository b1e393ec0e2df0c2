package com.marketbridge.adapter.webex;

import java.util.List;

/** The body of {@code POST /wholesale/customers}. */
record NewCustomerDto(String provisioningId, List<String> packages, String externalId, AddressDto address,
                      CustomerInfoDto customerInfo, ProvisioningParametersDto provisioningParameters) {

    /** Who the new customer is; {@code name} must not contain {@code %}. */
    record CustomerInfoDto(String name, String primaryEmail, String language) {
    }

    /** Needed when a package includes calling: where its first location is. */
    record ProvisioningParametersDto(CallingDto calling, MeetingsDto meetings) {
    }

    /** The calling part of the provisioning parameters. */
    record CallingDto(CallingLocationDto location) {
    }

    /** The first calling location; {@code language} is lower case ({@code en_us}). */
    record CallingLocationDto(String name, AddressDto address, String timezone, String language) {
    }

    /** The meetings part of the provisioning parameters. */
    record MeetingsDto(String timezone) {
    }
}
