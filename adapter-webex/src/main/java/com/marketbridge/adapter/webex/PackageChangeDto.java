package com.marketbridge.adapter.webex;

import java.util.List;

/** The body of {@code PUT /wholesale/subscribers/{id}}; parameters only when the user newly needs calling. */
record PackageChangeDto(List<String> packages, CallingDto provisioningParameters) {

    /** The calling user's extension and location. */
    record CallingDto(String extension, String locationId) {
    }
}
