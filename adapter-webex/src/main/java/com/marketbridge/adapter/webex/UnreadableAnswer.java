package com.marketbridge.adapter.webex;

import feign.FeignException;

/**
 * A 2xx answer that is not what the contract promises: empty where a body is due, not JSON (a proxy's error page),
 * JSON cut off or of another shape, or broken off while being read. Webex may have done what was asked, so
 * {@link WebexCalls} takes it as an answer lost on the way: checked where it can be, otherwise retried.
 */
final class UnreadableAnswer extends FeignException {

    // a FeignException, so that Feign hands it on from the decoder as it is instead of wrapping it
    UnreadableAnswer(int status, String problem, Throwable cause) {
        super(status, "Webex answered HTTP " + status + " " + problem, cause);
    }
}
