package com.marketbridge.adapter.webex;

/** A person from {@code GET /people}; only its id is needed. */
record PersonDto(String id) {

    PersonDto {
        WireShape.required(id, "a person without its id");
    }
}
