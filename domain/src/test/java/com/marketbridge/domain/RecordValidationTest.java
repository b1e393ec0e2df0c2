package com.marketbridge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.ExtensionRange;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordValidationTest {

    private static final PostalAddress ADDRESS = new PostalAddress("1 Main St", "Montreal", "QC", "H2X", "CA");
    private static final CustomerTemplate TEMPLATE = new CustomerTemplate("tpl", List.of("webex_meetings"), ADDRESS, "America/Toronto");
    private static final MarketplaceUser BOB = new MarketplaceUser("u1", "bob@x.io", "Bob", "B", "en-US");
    private static final EventToken TOKEN = new EventToken("t1");
    private static final WebexPackage CALLING = new WebexPackage("webex_calling", true);

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                npe("company without uuid", () -> new Company(null, "Contoso", null, null, null), "'uuid' must not be null"),
                iae("company with blank uuid", () -> new Company(" ", "Contoso", null, null, null), "'uuid' must not be blank"),
                npe("company without name", () -> new Company("c1", null, null, null, null), "'name' must not be null"),
                npe("user without email", () -> new MarketplaceUser("u1", null, null, null, null), "'email' must not be null"),
                iae("user with blank email", () -> new MarketplaceUser("u1", "", null, null, null), "'email' must not be blank"),
                npe("order without edition", () -> new Order(null, List.of()), "'editionCode' must not be null"),
                npe("order without items", () -> new Order("PRO", null), "'items' must not be null"),
                iae("negative quantity", () -> new OrderItem("USER", -1), "'quantity' must not be negative, got -1"),
                npe("item without unit", () -> new OrderItem(null, 1), "'unit' must not be null"),
                npe("order event without creator", () -> new SubscriptionOrdered(TOKEN, EventFlag.LIVE,
                        new Company("c1", "Contoso", null, null, null), null, new Order("PRO", List.of())), "'creator' must not be null"),
                npe("cancel without account", () -> new SubscriptionCancelled(TOKEN, EventFlag.LIVE, null, BOB),
                        "'accountIdentifier' must not be null"),
                npe("event without flag", () -> new UnsupportedEvent(TOKEN, null, "ADDON_ORDER"), "'flag' must not be null"),
                npe("unsupported event without type", () -> new UnsupportedEvent(TOKEN, EventFlag.LIVE, null), "'type' must not be null"),
                iae("address with blank line1", () -> new PostalAddress(" ", "Montreal", null, null, "CA"), "'line1' must not be blank"),
                npe("address without city", () -> new PostalAddress("1 Main St", null, null, null, "CA"), "'city' must not be null"),
                iae("address with blank country", () -> new PostalAddress("1 Main St", "Montreal", null, null, ""), "'country' must not be blank"),
                iae("template without packages", () -> new CustomerTemplate("tpl", List.of(), ADDRESS, "UTC"),
                        "a customer template needs at least one package"),
                npe("template without provisioning id", () -> new CustomerTemplate(null, List.of("webex_meetings"), ADDRESS, "UTC"),
                        "'provisioningId' must not be null"),
                npe("new customer without external id", () -> new NewCustomer(null, "Contoso", "a@x.io", null, TEMPLATE, false),
                        "'externalId' must not be null"),
                npe("new customer without primary email", () -> new NewCustomer("c1", "Contoso", null, null, TEMPLATE, false),
                        "'primaryEmail' must not be null"),
                iae("provisioned customer without org", () -> new WebexCustomer("w1", "c1", " ", CustomerStatus.PROVISIONED, List.of()),
                        "a provisioned customer has an orgId"),
                npe("customer without status", () -> new WebexCustomer("w1", "c1", "o1", null, List.of()), "'status' must not be null"),
                iae("blank package", () -> new WebexPackage(" ", false), "'name' must not be blank"),
                iae("extension with letters", () -> new CallingAssignment("L1", "20a0"), "an extension is digits only, got '20a0'"),
                iae("empty extension", () -> new CallingAssignment("L1", ""), "an extension is digits only, got ''"),
                npe("assignment without location", () -> new CallingAssignment(null, "2000"), "'locationId' must not be null"),
                iae("extension range upside down", () -> new ExtensionRange(2001, 2000), "the extension range 2001-2000 is empty"),
                iae("negative extension range", () -> new ExtensionRange(-1, 10), "the extension range -1-10 is empty"),
                iae("calling subscriber without assignment", () -> new NewSubscriber("w1", "bob@x.io", "Bob", "B", CALLING, null),
                        "calling package 'webex_calling' needs a location and an extension"),
                npe("subscriber without package", () -> new WebexSubscriber("s1", "w1", "bob@x.io", null, SubscriberStatus.PROVISIONED),
                        "'packageName' must not be null"),
                npe("failure without reason", () -> new Outcome.Failed(null, "boom"), "'reason' must not be null"),
                npe("completion without message", () -> new Outcome.Completed("acc", null), "'message' must not be null"),
                npe("progress without message", () -> new Outcome.InProgress(null), "'message' must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValuesAreRejectedWithAClearMessage(String situation, ThrowingCallable construction,
                                                   Class<? extends RuntimeException> type, String message) {
        assertThatThrownBy(construction).isExactlyInstanceOf(type).hasMessage(message);
    }

    @Test
    void optionalPartsDefaultSensibly() {
        assertThat(new PostalAddress("1 Main St", "Montreal", null, null, "CA")).extracting(PostalAddress::state, PostalAddress::zip)
                .containsExactly("", "");
        assertThat(new NewCustomer("c1", "Contoso", "a@x.io", " ", TEMPLATE, false).optionalLocale()).isEmpty();
        assertThat(new Company("c1", "Contoso", " ", null, null).optionalEmail()).isEmpty();
        assertThat(new MarketplaceUser(null, "bob@x.io", null, null, "").optionalLocale()).isEmpty();
        assertThat(new WebexCustomer("w1", "c1", null, CustomerStatus.PROVISIONING, List.of()).orgId()).isNull();
    }

    @Test
    void copiesAreDefensive() {
        List<String> packages = new java.util.ArrayList<>(List.of("webex_meetings"));
        CustomerTemplate template = new CustomerTemplate("tpl", packages, ADDRESS, "UTC");
        packages.add("webex_calling");

        assertThat(template.packages()).containsExactly("webex_meetings");
    }

    @Test
    void aCustomerDescribesWebexErrorsOrElseItsStatus() {
        assertThat(new WebexCustomer("w1", "c1", "o1", CustomerStatus.PROVISIONED_WITH_ERRORS, List.of("calling down", "retry")).describeErrors())
                .isEqualTo("Webex reports the customer as 'provisioned_with_errors': calling down; retry");
        assertThat(new WebexCustomer("w1", "c1", null, CustomerStatus.ERROR, List.of()).describeErrors())
                .isEqualTo("Webex reports the customer as 'error'");
    }

    @ParameterizedTest
    @CsvSource({"provisioned, PROVISIONED", "PENDING_USER_MIGRATION, PENDING_USER_MIGRATION", "' pending_user_migration', PENDING_USER_MIGRATION",
            "suspended, OTHER", "'', OTHER"})
    void subscriberStatusReadsTheWire(String wire, SubscriberStatus expected) {
        assertThat(SubscriberStatus.fromWire(wire)).isEqualTo(expected);
    }

    private static Arguments npe(String situation, ThrowingCallable construction, String message) {
        return Arguments.of(situation, construction, NullPointerException.class, message);
    }

    private static Arguments iae(String situation, ThrowingCallable construction, String message) {
        return Arguments.of(situation, construction, IllegalArgumentException.class, message);
    }
}
