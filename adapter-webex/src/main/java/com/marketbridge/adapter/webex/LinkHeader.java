package com.marketbridge.adapter.webex;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} URL of an RFC 5988 {@code Link} header. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);
    /** Some Webex next URLs carry a literal {@code max=null}, which the server then refuses. */
    private static final Pattern MAX_NULL = Pattern.compile("(?<=[?&])max=null(&|$)");

    private LinkHeader() {
    }

    static Optional<URI> next(Collection<String> headers) {
        for (String header : headers) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                if (REL_NEXT.matcher(link.group(2)).find()) {
                    return Optional.of(URI.create(withoutMaxNull(link.group(1).strip())));
                }
            }
        }
        return Optional.empty();
    }

    private static String withoutMaxNull(String url) {
        return MAX_NULL.matcher(url).replaceAll("").replaceAll("[?&]$", "");
    }
}
