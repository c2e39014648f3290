package io.liaison.graph.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests of one mailbox: a fresh emulator per test, a client signed in, and the mailbox of the test's user. */
abstract class MailboxTestSupport {
    private final String upn;
    GraphEmulator emulator;
    TestClient client;
    Mailbox mailbox;

    MailboxTestSupport(String upn) {
        this.upn = upn;
    }

    @BeforeEach
    void start() throws Exception {
        emulator = GraphEmulator.start();
        client = new TestClient(emulator).signIn();
        mailbox = emulator.mailbox(upn);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }
}
