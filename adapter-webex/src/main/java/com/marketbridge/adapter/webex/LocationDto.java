package com.marketbridge.adapter.webex;

/** A location from {@code GET /locations}; its address fields are named unlike the wholesale ones. */
record LocationDto(String id, String name, LocationAddressDto address) {

    LocationDto {
        WireShape.required(id, "a location without its id");
    }

    /** {@code address1}, {@code postalCode}: the locations API's spelling. */
    record LocationAddressDto(String address1, String city, String postalCode) {
    }
}
