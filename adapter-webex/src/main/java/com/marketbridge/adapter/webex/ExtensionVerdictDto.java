package com.marketbridge.adapter.webex;

import java.util.List;

/** The answer of {@code validateExtensions}: {@code OK} when every candidate is valid, else a state per candidate. */
record ExtensionVerdictDto(String status, List<StateDto> extensionStatus) {

    ExtensionVerdictDto {
        WireShape.required(status, "a verdict without its status");
    }

    /** {@code VALID}, {@code DUPLICATE}, {@code DUPLICATE_IN_LIST} or {@code INVALID}. */
    record StateDto(String extension, String state) {
    }
}
