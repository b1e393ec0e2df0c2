package com.marketbridge.bootstrap.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The upstream of {@link ClientsBench}, run in a process of its own so that its CPU is not the client's: a JDK
 * HttpServer on 127.0.0.1 (keep-alive, HTTP/1.1), plain or TLS with the given PKCS12 key store, answering as Webex does
 * the three calls of the benchmark: a small JSON GET, a JSON POST (201 with a body), a DELETE (204). Prints its port.
 * Arguments: {@code http|https [keystore password]}.
 */
public final class ClientsStub {

    static final byte[] CUSTOMER = ("{\"id\":\"Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzEyMzQ1\",\"orgId\":\"org-1234567890\","
            + "\"externalId\":\"company-0001\",\"address\":{\"addressLine1\":\"1 Main St\",\"city\":\"Springfield\","
            + "\"stateOrProvince\":\"IL\",\"zipOrPostalCode\":\"62701\",\"country\":\"US\"},\"status\":\"provisioned\","
            + "\"packages\":[\"webex_calling\",\"webex_meetings\"],\"resourceDetails\":{\"packages\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SUBSCRIBER = ("{\"id\":\"Y2lzY29zcGFyazovL3VzL1NVQlNDUklCRVIvOTg3\",\"customerId\":\"Y2lzY29zcGFyazov"
            + "L3VzL0NVU1RPTUVSLzEyMzQ1\",\"email\":\"jane.doe@example.com\",\"package\":\"webex_calling\","
            + "\"status\":\"provisioning\",\"personId\":\"person-42\"}").getBytes(StandardCharsets.UTF_8);

    private ClientsStub() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        HttpServer server;
        if (args[0].equals("https")) {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls(args[1], args[2].toCharArray())));
            server = https;
        } else {
            server = HttpServer.create(address, 64);
        }
        server.createContext("/", ClientsStub::answer);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        // runs until the driver ends it (or its standard input closes)
        while (System.in.read() >= 0) {
            // nothing to read
        }
        server.stop(0);
        System.exit(0);
    }

    private static SSLContext tls(String keyStore, char[] password) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore)) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return tls;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            switch (exchange.getRequestMethod()) {
                case "GET" -> send(exchange, 200, CUSTOMER);
                case "POST" -> send(exchange, 201, SUBSCRIBER);
                case "DELETE" -> exchange.sendResponseHeaders(204, -1);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
