/**
 * What the marketplace sells and what Webex provisions for it: the
 * {@link com.marketbridge.domain.edition.EditionCatalog} maps edition codes to
 * {@link com.marketbridge.domain.edition.WebexPackage}s and knows which packages are calling packages.
 *
 * <p>Values are immutable; a constructor or factory throws {@link java.lang.NullPointerException} for a required
 * argument that is null and {@link java.lang.IllegalArgumentException} for one that breaks the type's invariants.
 */
package com.marketbridge.domain.edition;
