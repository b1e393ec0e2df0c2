package com.marketbridge.domain.edition;

import java.util.List;
import java.util.Objects;

/** The answer of the {@link EditionCatalog} for one edition code: its package, or the editions it knows. */
public sealed interface EditionLookup {

    /** The edition maps to this package; both are required. */
    record Known(String editionCode, WebexPackage webexPackage) implements EditionLookup {
        public Known {
            Objects.requireNonNull(editionCode, "'editionCode' must not be null");
            Objects.requireNonNull(webexPackage, "'webexPackage' must not be null");
        }
    }

    /** The edition is not configured; {@code knownEditions} (copied) says what is. */
    record Unknown(String editionCode, List<String> knownEditions) implements EditionLookup {
        public Unknown {
            Objects.requireNonNull(editionCode, "'editionCode' must not be null");
            knownEditions = List.copyOf(knownEditions);
        }

        /** A sentence for the buyer naming the edition and the known ones. */
        public String message() {
            return "Edition '" + editionCode + "' is not sold through Webex here; known editions: "
                    + String.join(", ", knownEditions);
        }
    }
}
