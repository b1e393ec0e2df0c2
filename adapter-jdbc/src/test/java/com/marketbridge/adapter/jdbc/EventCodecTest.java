package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.domain.event.MarketplaceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static Stream<MarketplaceEvent> oneOfEachEvent() {
        return EventJournalContract.oneOfEachEvent().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEachEvent")
    void everyEventReadsBackEqualToWhatWasWritten(MarketplaceEvent event) {
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEachEvent")
    void onlyRecordComponentsAreWrittenNotHelpersOrDerivedValues(MarketplaceEvent event) {
        String json = codec.encode(event);

        assertThat(json).as("the wrapper rows of earlier releases have")
                .startsWith("{\"class\":\"" + event.getClass().getSimpleName() + "\",\"event\":{").endsWith("}}");
        assertThat(json).doesNotContain("optional").doesNotContain("describe");
        if (!event.getClass().getSimpleName().equals("UnsupportedEvent")) {
            assertThat(json).doesNotContain("\"type\"");
        }
    }

    @Test
    void everyEventClassTheDomainPermitsIsInTheCodecsTable() {
        assertThat(new ArrayList<Class<?>>(EventCodec.CLASSES.values()))
                .containsExactlyInAnyOrderElementsOf(concreteEventClasses(MarketplaceEvent.class));
    }

    @Test
    void theRoundTripAboveCoversEveryClassInTheTable() {
        assertThat(oneOfEachEvent().<Class<?>>map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(EventCodec.CLASSES.values());
    }

    @Test
    void aRowNamingAnUnknownClassFailsClearly() {
        assertThatIllegalStateException()
                .isThrownBy(() -> codec.decode("{\"class\":\"SubscriptionRenamed\",\"event\":{}}"))
                .withMessageContaining("SubscriptionRenamed");
    }

    @Test
    void aRowTheDomainRejectsFailsClearly() {
        assertThatIllegalStateException()
                .isThrownBy(() -> codec.decode("{\"class\":\"UnsupportedEvent\",\"event\":{\"token\":{\"value\":\"t\"}}}"))
                .withMessageContaining("could not be read back");
    }

    /** The concrete records under a sealed interface, through nested sealed interfaces such as AccountEvent. */
    private static List<Class<?>> concreteEventClasses(Class<?> type) {
        List<Class<?>> concrete = new ArrayList<>();
        if (!type.isSealed()) {
            concrete.add(type);
            return concrete;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            concrete.addAll(concreteEventClasses(permitted));
        }
        return concrete;
    }
}
