package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the sandbox shows once the connector is ready: five events sent to the connector's webhook as AppDirect sends
 * them, each awaited until its outcome is final (the webhook's answer, or the result posted after a 202), with one
 * line per step saying how it ended and what the simulated Webex holds since.
 */
final class Story {

    /** How long a step may take: a first order waits for Webex to provision the customer, and a retry 5 s later. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String ALICE = "alice@contoso.example";
    static final String BOB = "bob@contoso.example";
    static final String ERIN = "erin@contoso.example";

    private final AppDirectSimulator appDirect;
    private final WebexSimulator webex;
    private final String company;
    private final String companyName;

    Story(AppDirectSimulator appDirect, WebexSimulator webex, String company, String companyName) {
        this.appDirect = appDirect;
        this.webex = webex;
        this.company = company;
        this.companyName = companyName;
    }

    /** Plays every step, even after one that ended otherwise than planned; true when all ended as planned. */
    boolean play(PrintStream out) throws InterruptedException {
        out.println("The sandbox story, each event sent to the connector's webhook as AppDirect sends it:");
        boolean asPlanned = step(out, 1, "first order of a new company, " + companyName + ", by " + ALICE + " (webex_meetings)",
                EventRequest.order(company, companyName, ALICE, "webex_meetings"), true,
                () -> customerFacts() + "; " + subscriberFacts(ALICE));
        asPlanned &= step(out, 2, "calling order by " + BOB + " (webex_calling)",
                EventRequest.order(company, companyName, BOB, "webex_calling"), true, () -> subscriberFacts(BOB));
        asPlanned &= step(out, 3, "change of edition of " + ALICE + " (webex_meetings to webex_suite)",
                EventRequest.change(company + ":" + ALICE, ALICE, "webex_suite"), true, () -> subscriberFacts(ALICE));
        asPlanned &= step(out, 4, "cancel of " + BOB + "'s subscription", EventRequest.cancel(company + ":" + BOB, BOB), true,
                () -> subscriberFacts(BOB));
        webex.faults().refuseSubscriber(ERIN);
        asPlanned &= step(out, 5, "order by " + ERIN + ", whose subscriber Webex refuses (webex_meetings)",
                EventRequest.order(company, companyName, ERIN, "webex_meetings"), false, () -> refusalFacts(ERIN));
        return asPlanned;
    }

    private boolean step(PrintStream out, int number, String title, EventRequest request, boolean succeeds,
                         Supplier<String> webexFacts) throws InterruptedException {
        String line = "  " + number + ". " + title + ": ";
        long started = System.nanoTime();
        AppDirectSimulator.Published published = appDirect.publish(request);
        try {
            ConnectorWebhook.Answer answer = appDirect.send(published);
            boolean accepted = answer.status() == 202;
            JsonNode result = accepted ? appDirect.awaitResult(published, PATIENCE) : answer.body();
            String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
            boolean success = result.path("success").asBoolean(false);
            out.println(line + (accepted ? "accepted (202), result posted after " + took : "answered " + answer.status()
                    + " after " + took) + ": " + (success ? "COMPLETED" : "FAILED " + result.path("errorCode").asText()
                    + " \"" + result.path("message").asText() + "\"") + "; " + webexFacts.get()
                    + " [event " + published.token() + "]" + (success == succeeds ? "" : " <- NOT AS PLANNED"));
            return success == succeeds;
        } catch (IOException e) {
            out.println(line + "the connector did not answer (" + e + ") [event " + published.token() + "]");
        } catch (TimeoutException e) {
            out.println(line + "accepted, but no result came within " + PATIENCE.toSeconds() + " s [event "
                    + published.token() + "]");
        }
        return false;
    }

    private String customerFacts() {
        List<Map<String, Object>> customers = webex.state().customersWithExternalId(company);
        return "Webex has " + customers.size() + " customer for the company, " + customers.stream()
                .map(customer -> customer.get("id") + " " + customer.get("status")).toList()
                + ", created by " + webex.calls("POST /v1/wholesale/customers") + " POST /wholesale/customers";
    }

    private String subscriberFacts(String email) {
        List<Map<String, Object>> subscribers = webex.state().subscribers(null, email);
        List<Map<String, Object>> people = webex.state().people(email, null);
        if (subscribers.isEmpty()) {
            return email + " has no Webex subscriber" + (people.isEmpty() ? " nor person" : " but still a person");
        }
        Object extension = people.isEmpty() ? null : people.get(0).get("extension");
        return email + " is Webex subscriber " + subscribers.get(0).get("id") + " on " + subscribers.get(0).get("package")
                + (extension == null ? "" : ", extension " + extension);
    }

    private String refusalFacts(String email) {
        return webex.refusals().stream().filter(refusal -> refusal.description().contains(email))
                .map(refusal -> "Webex answered " + refusal.call() + " HTTP " + refusal.status() + ", trackingId "
                        + refusal.trackingId())
                .reduce((first, last) -> last)
                .orElse("Webex refused nothing for " + email);
    }
}
