package com.marketbridge.adapter.webex;

/** A wholesale address, as customers and their calling location carry it; absent fields are left out. */
record AddressDto(String addressLine1, String city, String stateOrProvince, String zipOrPostalCode, String country) {
}
