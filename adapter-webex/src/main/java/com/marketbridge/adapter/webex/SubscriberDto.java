package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A wholesale subscriber; {@code package} is the deprecated single form of {@code packages}. */
record SubscriberDto(String id, String customerId, String email, String status, List<String> packages,
                     @JsonProperty("package") String singlePackage, String personId) {

    SubscriberDto {
        WireShape.required(id, "a subscriber without its id");
    }
}
