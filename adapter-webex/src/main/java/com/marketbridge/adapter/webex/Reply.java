package com.marketbridge.adapter.webex;

import java.util.Optional;

/** A 2xx answer whose status and {@code Location} header matter as much as its body. */
record Reply<T>(int status, Optional<String> location, T body) {
}
