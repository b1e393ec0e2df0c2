package com.marketbridge.adapter.webex;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** One page of a Webex list: its {@code items} and the {@code rel="next"} URL of its {@code Link} header. */
record Page<T>(List<T> items, Optional<URI> next) {

    Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * The items of this page and of every page after it, fetched only as far as the stream is read. An empty
     * page ends the list even when it names a next one. A next link is checked by {@code links} before it is
     * fetched; one off Webex's origin, one already fetched in this listing, one past the page bound, or a page that
     * takes the listing past the item bound ends it with an {@code UpstreamException}, so a server bug can neither
     * leak the token nor loop forever nor fill the heap.
     */
    static <T> Stream<T> all(NextLinks links, String action, Supplier<Page<T>> first, Function<URI, Page<T>> fetchNext) {
        Set<URI> followed = new HashSet<>();
        AtomicInteger read = new AtomicInteger();
        return Stream.iterate(first.get(), Objects::nonNull, page -> {
                    if (page.items().isEmpty() || page.next().isEmpty()) {
                        return null;
                    }
                    URI next = links.checked(page.next().get(), action);
                    if (!followed.add(next)) {
                        throw NextLinks.refused("Webex's next page to " + action + " is " + next.getPath()
                                + " again, a page already read in this listing; stopped after " + (followed.size() + 1)
                                + " pages");
                    }
                    if (followed.size() + 1 > links.maxPages()) {
                        throw NextLinks.refused("Webex has more than " + links.maxPages() + " pages to " + action
                                + "; stopped at " + links.maxPages());
                    }
                    return fetchNext.apply(next);
                })
                .map(page -> {
                    if (read.addAndGet(page.items().size()) > links.maxItems()) {
                        throw NextLinks.refused("Webex lists more than " + links.maxItems() + " items to " + action
                                + "; stopped at page " + (followed.size() + 1));
                    }
                    return page;
                })
                .flatMap(page -> page.items().stream());
    }
}
