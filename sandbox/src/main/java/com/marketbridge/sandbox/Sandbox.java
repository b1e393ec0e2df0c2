package com.marketbridge.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connector's world in one process, for trying it without an AppDirect marketplace or a Webex partner account:
 * a simulated AppDirect and a simulated Webex on 127.0.0.1 (free ports), the settings that point a connector at them
 * with credentials made up at each start, and a story of five events played against the running connector.
 */
public final class Sandbox implements AutoCloseable {

    /** The console's user in the sandbox; its password is made up at each start. */
    static final String ADMIN_USERNAME = "sandbox";
    /** How long the simulated Webex provisions a new customer: longer than the connector waits within one answer. */
    static final Duration PROVISIONING = Duration.ofSeconds(3);
    private static final String COMPANY_NAME = "Contoso Sandbox";

    private final String company = UUID.randomUUID().toString();
    private final String adminPassword = Secrets.random();
    private final String webexToken = Secrets.random();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webex-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final AppDirectSimulator appDirect;
    private final WebexSimulator webex;

    private Sandbox() {
        appDirect = AppDirectSimulator.start(company, COMPANY_NAME);
        try {
            webex = WebexSimulator.start(webexToken,
                    (delay, work) -> clock.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS), PROVISIONING);
        } catch (RuntimeException e) {
            appDirect.close();
            throw e;
        }
    }

    /** Starts both simulators. */
    public static Sandbox start() {
        return new Sandbox();
    }

    /**
     * The connector's settings, by their environment names, pointing at the simulators; the port and the journal's
     * folder are the caller's. The admin credentials are for the console.
     */
    public Map<String, String> connectorSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("BASE_URL_MARKETPLACE", appDirect.baseUrl());
        settings.put("OAUTH_CLIENT_ID", AppDirectSimulator.CLIENT_ID);
        settings.put("OAUTH_CLIENT_SECRET", appDirect.clientSecret());
        settings.put("BASIC_USERNAME", AppDirectSimulator.NOTIFICATION_USERNAME);
        settings.put("BASIC_PASSWORD", appDirect.notificationPassword());
        settings.put("WEBEX_BASE_URL", webex.apiUrl());
        settings.put("WEBEX_TOKEN", webexToken);
        settings.put("PROVISIONING_ID", "sandbox-template");
        settings.put("CUSTOMER_PACKAGES", "[\"webex_calling\", \"webex_meetings\", \"webex_suite\"]");
        settings.put("ADDRESS", "771 Alder Drive");
        settings.put("CITY", "Milpitas");
        settings.put("STATE", "CA");
        settings.put("ZIP_CODE", "95035");
        settings.put("COUNTRY", "US");
        settings.put("TIMEZONE", "America/Los_Angeles");
        settings.put("ADMIN_USERNAME", ADMIN_USERNAME);
        settings.put("ADMIN_PASSWORD", adminPassword);
        return settings;
    }

    /** Where the simulators listen, for the start line. */
    public String describe() {
        return "simulated AppDirect on " + appDirect.baseUrl() + ", simulated Webex on " + webex.apiUrl();
    }

    /**
     * Plays the story against the connector listening on {@code connectorPort} of 127.0.0.1, then prints how to go
     * on: the console, its credentials, a command that sends one more order. True when every step ended as planned.
     */
    public boolean play(int connectorPort, PrintStream out) throws InterruptedException {
        appDirect.connectTo(connectorPort);
        boolean asPlanned = new Story(appDirect, webex, company, COMPANY_NAME).play(out);
        String connector = "http://127.0.0.1:" + connectorPort;
        out.println(asPlanned ? "Every step ended as planned." : "Some step did not end as planned: see its line above.");
        out.println("Console: " + connector + "/console/ (user " + ADMIN_USERNAME + ", password " + adminPassword + ")");
        out.println("One more order, sent by the simulated AppDirect to the webhook (" + AppDirectSimulator.NOTIFICATION_USERNAME
                + " / " + appDirect.notificationPassword() + "):");
        out.println("  curl -s -X POST '" + appDirect.baseUrl() + "/sandbox/appdirect/events?send=true'"
                + " -H 'Content-Type: application/json' -d '{\"email\":\"dave@contoso.example\",\"edition\":\"webex_calling\"}'");
        out.println("What the simulated Webex holds: curl -s " + webex.baseUrl() + "/sandbox/webex/state");
        out.println("Make it fail: curl -s -X POST " + webex.baseUrl() + "/sandbox/webex/faults"
                + " -d '{\"unavailable\":3}' (or {\"extensionTaken\":\"2001\"}, {\"refuseSubscriber\":\"dave@contoso.example\"})");
        out.println("Ctrl-C stops the sandbox.");
        return asPlanned;
    }

    @Override
    public void close() {
        appDirect.close();
        webex.close();
        clock.shutdownNow();
    }
}
