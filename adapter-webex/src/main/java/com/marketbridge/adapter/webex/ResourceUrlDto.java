package com.marketbridge.adapter.webex;

/** The body of a 202: where the accepted resource can be read. */
record ResourceUrlDto(String url) {
}
