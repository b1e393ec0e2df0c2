package com.marketbridge.adapter.webex;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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
     * page ends the list even when it names a next one, so a server bug cannot loop forever.
     */
    static <T> Stream<T> all(Supplier<Page<T>> first, Function<URI, Page<T>> fetchNext) {
        return Stream.iterate(first.get(), page -> page != null,
                        page -> page.items().isEmpty() ? null : page.next().map(fetchNext).orElse(null))
                .flatMap(page -> page.items().stream());
    }
}
