package io.liaison.benchmarks.mailimport;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.Document;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.content.internal.MessageParserComponent;
import io.liaison.content.internal.ParseLimits;
import io.liaison.content.internal.TikaDocumentCategorizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Imports one message with a large attachment (default 200 MB of pseudo-random bytes, base64-encoded) through
 * the real pipeline, meant to run in a small heap ({@code -Xmx256m}, see the {@code mail-memory} execution in
 * the pom). The message is generated straight into the import folder, never held in memory. Afterwards it checks
 * that the activity exists, that the attachment is stored as a document of exactly the generated size, and that
 * the stored content reads back with the generated SHA-256; prints the peak heap (sum of the heap pools' peak
 * usage) and the times. Exits with 1 when anything is missing.
 */
public final class LargeAttachmentImport {
    private static final String MESSAGE_ID = "large-attachment-1@liaison.example";
    private static final String ATTACHMENT = "measurements.bin";

    private LargeAttachmentImport() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = Long.getLong("attachment.mb", 200);
        long bytes = megabytes * 1024 * 1024;
        Path work = Path.of(System.getProperty("work", "target/bench-mail-large")).toAbsolutePath();
        MailImportBenchmark.deleteTree(work);
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        TikaDocumentCategorizer categorizer = new TikaDocumentCategorizer(List.of(), 100_000, Duration.ofSeconds(30));
        try (MailPipeline pipeline = new MailPipeline(work.resolve("pipeline"),
                new MessageParserComponent(ParseLimits.DEFAULTS, Files.createDirectories(work.resolve("spool"))),
                categorizer, UnaryOperator.identity(), UnaryOperator.identity(), 10)) {
            Files.createDirectories(pipeline.importFolder());
            Path message = pipeline.importFolder().resolve("large.eml");
            long g0 = System.nanoTime();
            String sha256 = generate(message, bytes);
            System.out.printf(Locale.ROOT, "Generated %s: %d MiB attachment, %d MiB message, in %d ms%n",
                    message.getFileName(), megabytes, Files.size(message) / (1024 * 1024), ms(System.nanoTime() - g0));

            resetPeaks();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long t0 = System.nanoTime();
            SyncRun run = pipeline.run();
            long importMs = ms(System.nanoTime() - t0);
            sampler.interrupt();
            sampler.join();
            long peak = peakHeapMiB();
            for (JournalEntry e : pipeline.entries(run)) {
                System.out.printf("Journal: %s %s: %s%n", e.outcome(), e.item(), e.message());
            }
            System.out.printf(Locale.ROOT, "Import run: %s in %d ms; heap: highest use seen %d MiB (sampled every "
                            + "10 ms), sum of the heap pools' peaks %d MiB (an upper bound), max heap %d MiB, %d GCs "
                            + "taking %d ms%n", run.status(), importMs, sampler.peak / (1024 * 1024), peak,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), gcCount(), gcMillis());

            Optional<Activity> activity = pipeline.crm.activities().findBySourceKey(MailPipeline.DEMO, MESSAGE_ID);
            Optional<Document> stored = activity.flatMap(a -> pipeline.crm.documents().list(MailPipeline.DEMO, a.id())
                    .stream().filter(d -> d.fileName().equals(ATTACHMENT)).findFirst());
            boolean archived = Files.isRegularFile(pipeline.archive().resolve("large.eml"));
            String storedHash = "";
            long readMs = 0;
            if (stored.isPresent()) {
                long r0 = System.nanoTime();
                try (InputStream in = pipeline.crm.documents().open(MailPipeline.DEMO, stored.get().id())) {
                    storedHash = sha256(in);
                }
                readMs = ms(System.nanoTime() - r0);
            }
            System.out.printf(Locale.ROOT, "Activity: %s; document %s: %s; content SHA-256 %s (read back in %d ms); "
                            + "archived: %s%n", activity.map(a -> a.id().value() + " '" + a.data().subject() + "'")
                            .orElse("MISSING"), ATTACHMENT, stored.map(d -> d.size() + " bytes, " + d.mediaType())
                            .orElse("MISSING"), storedHash.equals(sha256) ? "matches" : "DIFFERS", readMs, archived);
            boolean ok = run.count(Outcome.CREATED) == 1 && activity.isPresent() && stored.isPresent()
                    && stored.get().size() == bytes && storedHash.equals(sha256) && archived;
            System.out.println(ok ? "SUCCESS: the " + megabytes + " MB attachment was imported with a "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap"
                    : "FAILURE: the large message was not imported completely");
            categorizer.close();
            if (!ok) {
                System.exit(1);
            }
        } finally {
            MailImportBenchmark.deleteTree(work);
        }
    }

    /** Writes the message with a base64 attachment of pseudo-random bytes; returns the attachment's SHA-256. */
    private static String generate(Path file, long bytes) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String boundary = "=_liaison_large_boundary";
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            raw.write(("From: Anna Berger <anna.berger@kunde.de>\r\n"
                    + "To: demo@liaison.example\r\n"
                    + "Subject: Messdaten (large attachment)\r\n"
                    + "Date: Thu, 26 Nov 2026 10:00:00 +0100\r\n"
                    + "Message-ID: <" + MESSAGE_ID + ">\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "Guten Tag, anbei die Messdaten.\r\n\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename=\"" + ATTACHMENT + "\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream base64 = Base64.getMimeEncoder().wrap(new NonClosing(raw));
            SplittableRandom random = new SplittableRandom(4711);
            byte[] block = new byte[48 * 1024]; // a multiple of 3: no padding between blocks
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                for (int i = 0; i < n; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        block[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                base64.write(block, 0, n);
                digest.update(block, 0, n);
                left -= n;
            }
            base64.close();
            raw.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap use), in MiB. */
    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    /** Samples the heap in use (all pools at one moment) until interrupted; keeps the highest value. */
    private static final class HeapSampler extends Thread {
        volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Lets the base64 encoder's close() flush its last bytes without closing the file. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
