package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of a message taken from the groupware is bounded by the parser's size limit and kept in its spool. */
class SpooledMessageTest {
    private static final long LIMIT = 6L * 1024 * 1024;

    @TempDir
    Path spool;

    /** A groupware whose one message never ends, counting what is read of it. */
    private static MailStore endlessMessage(AtomicLong read) {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read.addAndGet(len);
                return len;
            }
        };
        return (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(), new Class<?>[] {MailStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("open")) {
                        return new RawMessage(RawMessage.MIME, -1, endless);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anEndlessMessageIsCopiedUpToOneByteBeyondTheLimitIntoTheSpoolDirectory() throws IOException {
        AtomicLong read = new AtomicLong();
        MessageRef ref = new MessageRef("m1", "inbox", "v1", "endless.eml", Optional.empty(), -1, Optional.empty());

        try (SpooledMessage copy = SpooledMessage.read(endlessMessage(read), ref, LIMIT, Optional.of(spool))) {
            assertThat(read.get()).isEqualTo(LIMIT + 1);
            try (Stream<Path> files = Files.list(spool); InputStream in = copy.open()) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                        .satisfies(name -> assertThat(name).startsWith("liaison-mail-"));
                assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(LIMIT + 1);
            }
        }
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files).as("the copy is deleted on close").isEmpty();
        }
    }
}
