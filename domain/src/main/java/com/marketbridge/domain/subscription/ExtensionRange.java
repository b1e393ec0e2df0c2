package com.marketbridge.domain.subscription;

/** The extensions new calling users are numbered from, both ends included, e.g. 2000-8999; 0 &le; from &le; to. */
public record ExtensionRange(int from, int to) {

    /** 2000-8999, the range unless the partner sets another. */
    public static final ExtensionRange DEFAULT = new ExtensionRange(2000, 8999);

    public ExtensionRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the extension range " + from + "-" + to + " is empty");
        }
    }

    /** How many extensions the range holds. */
    public int size() {
        return to - from + 1;
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
