package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.databind.JsonNode;

/** The 200 of a precheck; {@code info} is one object in the schema but an array in Webex's examples. */
record PrecheckDto(String message, JsonNode info) {

    PrecheckDto {
        WireShape.required(message, "a precheck without its message");
    }
}
