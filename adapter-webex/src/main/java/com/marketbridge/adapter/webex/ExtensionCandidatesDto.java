package com.marketbridge.adapter.webex;

import java.util.List;

/** The body of {@code validateExtensions}: the extensions to check. */
record ExtensionCandidatesDto(List<String> extensions) {
}
