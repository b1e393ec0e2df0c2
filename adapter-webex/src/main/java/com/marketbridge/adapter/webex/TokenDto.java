package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Webex's answer to {@code POST /access_token}: a token and how long it lasts, or the OAuth {@code error} code. */
record TokenDto(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn,
                @JsonProperty("refresh_token") String refreshToken, String error) {
}
