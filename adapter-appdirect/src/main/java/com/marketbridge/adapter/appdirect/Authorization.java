package com.marketbridge.adapter.appdirect;

import java.net.URI;

/** How our calls to AppDirect prove who we are: an OAuth 2.0 bearer token or a 2-legged OAuth 1.0a signature. */
interface Authorization {

    /** The {@code Authorization} header value for this request. */
    String header(String method, URI url);

    /**
     * Called when AppDirect refused {@code refusedHeader} with 401; drops what it carried. Returns whether a retry
     * can present anything different.
     */
    boolean renew(String refusedHeader);
}
