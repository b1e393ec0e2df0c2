package com.marketbridge.adapter.http;

/** The JSON of an error of the admin API and of {@code /metrics}: {@code {"error": "UNAUTHORIZED", "message": "..."}}. */
record ApiError(String error, String message) {
}
