package com.marketbridge.adapter.webex;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every choice this adapter makes where the Webex Wholesale contract is only inferred ([I] in
 * {@code shared/contracts/webex-wholesale.md}), kept together so a confirmed answer changes one line.
 */
final class WebexAssumptions {

    /** The wholesale {@code Error} schema pairs this code with "email already associated with an existing user". */
    static final int USER_EXISTS_ERROR_CODE = 10022;

    /** Webex's error-code table is not published in our sources, so the wording is matched too. */
    static final Pattern USER_EXISTS_WORDING =
            Pattern.compile("already (associated|exists|in use|belongs)", Pattern.CASE_INSENSITIVE);

    /**
     * How many extensions one {@code validateExtensions} call carries. Webex documents no maximum (its schema has
     * no {@code maxItems}, and the SDKs send whatever list they are given); 100 is Webex's usual page size.
     */
    static final int EXTENSIONS_PER_VALIDATION = 100;

    /**
     * The most pages one listing reads. Webex documents no limit on a list's length; our lists are filtered
     * (one external id, one email, one organization's locations), so at Webex's usual 100 items a page this is
     * far beyond a real answer, and it stops a server that keeps naming new next pages after 100 requests.
     */
    static final int MAX_PAGES_PER_LISTING = 100;

    /**
     * The most items one listing reads, whatever the size of its pages: 100 pages of Webex's usual 100 items. Our lists
     * hold one item (a customer by external id, a subscriber or a person by email) or one organization's locations, which
     * are kept in memory while one is chosen; 10,000 of them are a few MB, so a server that answers pages of thousands
     * of items can neither fill the heap nor keep a worker reading.
     */
    static final int MAX_ITEMS_PER_LISTING = 10_000;

    /** validateExtensions' code for an extension already used at the location (e.g. by a call park). */
    static final int EXTENSION_TAKEN_ERROR_CODE = 9495;

    /**
     * Webex does not document the status of a subscriber create whose extension is taken meanwhile, so a 4xx with
     * code 9495 or this wording counts as "taken"; it is matched before the user-exists wording, which it resembles.
     */
    static final Pattern EXTENSION_TAKEN_WORDING =
            Pattern.compile("extension\\b.*\\b(already (assigned|in use|exists)|not available)", Pattern.CASE_INSENSITIVE);

    /** The precheck's 200 {@code message} when it passed; anything else is a refusal. */
    static final String PRECHECK_PASSED = "success";

    /** wxc_sdk's wait when a 429 or 423 comes without {@code Retry-After}. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** The customer template names no calling location, and Webex requires a name. */
    static final String CALLING_LOCATION_NAME = "Main Office";

    /** Webex's customer language when the buyer's locale is unknown. */
    static final String DEFAULT_LANGUAGE = "en_US";

    private WebexAssumptions() {
    }

    /** {@code en-US} or {@code en_US} becomes {@code en_US}, a bare {@code fr} stays {@code fr}. */
    static String customerLanguage(Optional<String> locale) {
        return locale.map(value -> value.strip().split("[-_]"))
                .filter(parts -> !parts[0].isEmpty())
                .map(parts -> parts.length == 1
                        ? parts[0].toLowerCase(Locale.ROOT)
                        : parts[0].toLowerCase(Locale.ROOT) + "_" + parts[1].toUpperCase(Locale.ROOT))
                .orElse(DEFAULT_LANGUAGE);
    }

    /** A calling location spells the same language in lower case: {@code en_us}. */
    static String locationLanguage(Optional<String> locale) {
        return customerLanguage(locale).toLowerCase(Locale.ROOT);
    }
}
