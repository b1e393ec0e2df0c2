package com.marketbridge.domain.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditionCatalogTest {

    private final EditionCatalog defaults = EditionCatalog.defaults();

    @ParameterizedTest(name = "{0} -> {1}, calling={2}")
    @CsvSource({
            "webex_meetings, webex_meetings, false",
            "webex_calling,  webex_calling,  true",
            "webex_suite,    webex_suite,    true",
            "WEBEX_CALLING,  webex_calling,  true",
            "' Webex_Suite ', webex_suite,   true",
            "Webex_Meetings, webex_meetings, false"})
    void defaultEditionsMapToTheSameNamedPackageIgnoringCase(String edition, String packageName, boolean calling) {
        assertThat(defaults.lookup(edition))
                .isEqualTo(new EditionLookup.Known(edition, new WebexPackage(packageName, calling)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRO", "", " ", "webex_meeting", "webex_voice"})
    void givenAnUnmappedEdition_lookup_listsTheKnownEditions(String edition) {
        EditionLookup lookup = defaults.lookup(edition);

        assertThat(lookup).isInstanceOf(EditionLookup.Unknown.class);
        EditionLookup.Unknown unknown = (EditionLookup.Unknown) lookup;
        assertThat(unknown.knownEditions()).containsExactly("webex_calling", "webex_meetings", "webex_suite");
        assertThat(unknown.message()).isEqualTo("Edition '" + edition + "' is not sold through Webex here;"
                + " known editions: webex_calling, webex_meetings, webex_suite");
    }

    @Test
    void givenNoEditionCode_lookup_isUnknownRatherThanACrash() {
        assertThat(defaults.lookup(null)).isInstanceOfSatisfying(EditionLookup.Unknown.class,
                unknown -> assertThat(unknown.editionCode()).isEqualTo("null"));
    }

    @Test
    void aCustomCatalogUsesItsOwnCallingPackages() {
        EditionCatalog catalog = EditionCatalog.of(Map.of("BASIC", "webex_meetings", "VOICE", "webex_voice"), Set.of("webex_voice"));

        assertThat(catalog.lookup("basic")).isEqualTo(new EditionLookup.Known("basic", new WebexPackage("webex_meetings", false)));
        assertThat(catalog.lookup("Voice")).isEqualTo(new EditionLookup.Known("Voice", new WebexPackage("webex_voice", true)));
        assertThat(catalog.knownEditions()).containsExactly("basic", "voice");
    }

    @ParameterizedTest(name = "{0} calling={1}")
    @CsvSource({"webex_calling, true", "webex_suite, true", "webex_voice, true", "webex_calling_standard, true",
            "cx_essentials, true", "webex_meetings, false", "common_area_calling, false"})
    void packageNamedKnowsCallingPackagesWhetherOrNotAnEditionMapsToThem(String name, boolean calling) {
        assertThat(defaults.packageNamed(name)).isEqualTo(new WebexPackage(name, calling));
    }

    @Test
    void anyCallingIsTrueOnlyWhenOneOfThePackagesIsACallingPackage() {
        assertThat(defaults.anyCalling(Set.of("webex_meetings", "webex_suite"))).isTrue();
        assertThat(defaults.anyCalling(Set.of("webex_meetings"))).isFalse();
        assertThat(defaults.anyCalling(Set.of())).isFalse();
    }

    @Test
    void anEditionMappedTwiceIgnoringCaseIsRejected() {
        Map<String, String> editions = new LinkedHashMap<>();
        editions.put("webex_meetings", "webex_meetings");
        editions.put("WEBEX_MEETINGS", "webex_suite");

        assertThatIllegalArgumentException().isThrownBy(() -> EditionCatalog.of(editions, Set.of()))
                .withMessage("edition 'WEBEX_MEETINGS' is mapped twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankEditionCodeIsRejected(String edition) {
        assertThatIllegalArgumentException().isThrownBy(() -> EditionCatalog.of(Map.of(edition, "webex_meetings"), Set.of()))
                .withMessage("an edition code must not be blank");
    }

    @Test
    void aBlankPackageNameIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EditionCatalog.of(Map.of("PRO", " "), Set.of()))
                .withMessage("'name' must not be blank");
    }

    @Test
    void anEmptyCatalogIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EditionCatalog.of(Map.of(), Set.of()))
                .withMessage("an edition catalog needs at least one edition");
    }
}
