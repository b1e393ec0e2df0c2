package com.marketbridge.domain.subscription;

/** The extensions new calling users are numbered from, both ends included, e.g. 2000-8999. */
public record ExtensionRange(int from, int to) {

    public static final ExtensionRange DEFAULT = new ExtensionRange(2000, 8999);

    public ExtensionRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the extension range " + from + "-" + to + " is empty");
        }
    }

    public int size() {
        return to - from + 1;
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
