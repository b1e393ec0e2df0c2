package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.annotation.JsonProperty;

/** AppDirect's answer to {@code POST /oauth2/token}: a bearer token and, usually, how long it lasts. */
record TokenDto(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
}
