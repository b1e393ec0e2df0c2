package com.marketbridge.bootstrap.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a load phase sends: which editions, in which order, to how many provisioned companies, and how many first
 * orders of companies Webex does not know yet.
 *
 * @param companies       provisioned companies the subscriptions are spread over, round robin
 * @param newCompanyShare the share of orders that are the first order of a company with no Webex customer yet
 *                        (the realistic mix only)
 */
record BenchLoad(Mix mix, int companies, double newCompanyShare) {

    BenchLoad {
        if (companies < 1) {
            throw new IllegalArgumentException("--companies must be at least 1");
        }
        if (newCompanyShare < 0 || newCompanyShare > 1) {
            throw new IllegalArgumentException("--new-company-share must be between 0 and 1");
        }
    }

    /** The mixes of events. */
    enum Mix {
        /**
         * What users do: orders of meetings, calling and suite in turn, a share of them the first order of a new company;
         * all the orders of the phase first, then the cancels of them all, so calling users hold their extensions
         * while the later calling orders of their company look for one.
         */
        REALISTIC("realistic", List.of(BenchEdition.MEETINGS, BenchEdition.CALLING, BenchEdition.SUITE), true),
        /** The load of the earlier measurements, for comparison: meetings only, each order followed at once by its cancel. */
        MEETINGS("meetings", List.of(BenchEdition.MEETINGS), false);

        final String label;
        final List<BenchEdition> editions;
        /** True: all orders, then all cancels. False: each caller sends an order, then its cancel. */
        final boolean ordersThenCancels;

        Mix(String label, List<BenchEdition> editions, boolean ordersThenCancels) {
            this.label = label;
            this.editions = editions;
            this.ordersThenCancels = ordersThenCancels;
        }

        static Mix named(String label) {
            for (Mix mix : values()) {
                if (mix.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                    return mix;
                }
            }
            throw new IllegalArgumentException("unknown mix '" + label + "': realistic or meetings");
        }
    }

    /** The edition of the phase's k-th subscription: round robin over the mix. */
    BenchEdition edition(int k) {
        return mix.editions.get(k % mix.editions.size());
    }

    /** Whether the phase's k-th order is the first order of a new company: every 1/share-th order, evenly spread. */
    boolean newCompany(int k) {
        return mix == Mix.REALISTIC && Math.floor((k + 1) * newCompanyShare) > Math.floor(k * newCompanyShare);
    }

    /**
     * The company number of the phase's k-th subscription, numbered {@code n} across the run: a provisioned company
     * takes a whole round of editions before the next one's turn, so that every company gets every edition; a new
     * company is numbered from {@link BenchUpstreams#NEW_COMPANY_BASE} by {@code n}, so it is new to the connector.
     */
    long company(int k, long n) {
        return newCompany(k) ? BenchUpstreams.NEW_COMPANY_BASE + n : (k / mix.editions.size()) % companies;
    }

    String describe() {
        return mix.label + ", " + companies + (companies == 1 ? " company" : " companies")
                + (mix == Mix.REALISTIC && newCompanyShare > 0
                        ? String.format(Locale.ROOT, ", %.0f %% new", newCompanyShare * 100) : "");
    }
}
