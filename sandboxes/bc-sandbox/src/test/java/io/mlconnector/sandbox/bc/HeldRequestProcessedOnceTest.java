package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BcSandbox#holdNext}: a request held before processing has done nothing in BC (and, if its caller hangs up,
 * never does); one held after processing is committed exactly once, stays committed when the caller hangs up, and
 * only its answer is late or lost. The caller here is a raw socket, so "hanging up" is a real closed connection.
 */
class HeldRequestProcessedOnceTest {

    private static final String INVOICES = "/api/v2.0/companies(" + SandboxHttp.COMPANY + ")/purchaseInvoices";
    private static final Predicate<String> CREATE_INVOICE = r -> r.startsWith("POST ") && r.endsWith(INVOICES);

    private BcSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        http = new SandboxHttp(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void heldAfterProcessingTheWorkIsCommittedOnceAndSurvivesTheCallerHangingUp() throws Exception {
        String key = uniqueKey();
        HeldRequest hold = sandbox.holdNext(CREATE_INVOICE, HoldPoint.AFTER_PROCESSING);
        try (RawCaller caller = RawCaller.send(sandbox, http.token, "POST", INVOICES, draft(key))) {
            assertThat(hold.awaitHeld(Duration.ofSeconds(5))).startsWith("POST /v2.0/").endsWith(INVOICES);
            assertThat(drafts(key)).as("BC has the draft while the caller waits").isEqualTo(1);
            assertThat(caller.answeredWithin(Duration.ofMillis(300))).as("the caller has heard nothing").isFalse();
        }
        Thread.sleep(200); // let the server notice the closed connection
        hold.release();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(hold::callerGone);
        assertThat(drafts(key)).as("hanging up undoes nothing, and nothing is done twice").isEqualTo(1);
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void heldBeforeProcessingNothingHappensAndAHungUpRequestIsNeverProcessed() throws Exception {
        String key = uniqueKey();
        HeldRequest hold = sandbox.holdNext(CREATE_INVOICE, HoldPoint.BEFORE_PROCESSING);
        try (RawCaller caller = RawCaller.send(sandbox, http.token, "POST", INVOICES, draft(key))) {
            hold.awaitHeld(Duration.ofSeconds(5));
            assertThat(drafts(key)).as("BC has done nothing").isZero();
            assertThat(creates()).isZero();
        }
        Thread.sleep(200); // let the server notice the closed connection
        hold.release();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(hold::callerGone);
        Thread.sleep(200);
        assertThat(drafts(key)).isZero();
        assertThat(creates()).isZero();
    }

    @Test
    void aReleasedRequestWhoseCallerWaitsIsAnsweredAndOnlyTheNextMatchIsHeld() throws Exception {
        for (HoldPoint point : HoldPoint.values()) {
            String key = uniqueKey();
            HeldRequest hold = sandbox.holdNext(CREATE_INVOICE, point);
            assertThat(sandbox.holdNext(r -> r.startsWith("GET "), point).isHeld()).isFalse();
            sandbox.clearFaults(); // disarms both holds ...
            hold = sandbox.holdNext(CREATE_INVOICE, point); // ... so arm the one we want again
            CompletableFuture<SandboxHttp.Answer> answer = CompletableFuture.supplyAsync(() -> call("POST", draft(key)));
            hold.awaitHeld(Duration.ofSeconds(5));
            Thread.sleep(200);
            assertThat(answer).isNotDone();
            assertThat(drafts(key)).isEqualTo(point == HoldPoint.AFTER_PROCESSING ? 1 : 0);
            hold.release();
            assertThat(answer.get().status()).isEqualTo(201);
            assertThat(hold.callerGone()).isFalse();
            assertThat(drafts(key)).isEqualTo(1);
            // the hold caught one request: the next matching one goes straight through
            assertThat(call("POST", draft(key + "-2")).status()).isEqualTo(201);
        }
        assertThat(creates()).isEqualTo(4);
    }

    @Test
    void awaitHeldFailsWhenNothingMatches() {
        HeldRequest hold = sandbox.holdNext(CREATE_INVOICE, HoldPoint.BEFORE_PROCESSING);
        assertThatThrownBy(() -> hold.awaitHeld(Duration.ofMillis(100))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BEFORE_PROCESSING");
    }

    private SandboxHttp.Answer call(String method, String body) {
        try {
            return http.call(method, "companies(" + SandboxHttp.COMPANY + ")/purchaseInvoices", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long drafts(String key) {
        return sandbox.company().purchaseInvoices().stream()
                .filter(i -> key.equals(i.path("vendorInvoiceNumber").asString())).count();
    }

    private long creates() {
        return sandbox.requestLog().stream().filter(e -> e.method().equals("POST") && e.pathAndQuery().endsWith(INVOICES))
                .count();
    }

    private static String uniqueKey() {
        return "HOLD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String draft(String key) {
        return "{\"vendorNumber\":\"V1010\",\"vendorInvoiceNumber\":\"" + key + "\",\"invoiceDate\":\"2026-10-15\"}";
    }

    /** An HTTP/1.1 request written on a plain socket, so the test decides when the connection dies. */
    private record RawCaller(Socket socket) implements AutoCloseable {

        static RawCaller send(BcSandbox sandbox, String token, String method, String path, String body) throws IOException {
            Socket socket = new Socket("127.0.0.1", sandbox.port());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " /v2.0/" + SandboxHttp.TENANT + "/Production" + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + sandbox.port() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new RawCaller(socket);
        }

        boolean answeredWithin(Duration wait) throws IOException {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            try {
                return in.read() >= 0;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
