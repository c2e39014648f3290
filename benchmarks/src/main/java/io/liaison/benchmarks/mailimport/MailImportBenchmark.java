package io.liaison.benchmarks.mailimport;

import io.liaison.api.content.DocumentCategorizer;
import io.liaison.api.content.MessageParser;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.content.internal.MessageParserComponent;
import io.liaison.content.internal.ParseLimits;
import io.liaison.content.internal.TikaDocumentCategorizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Mail import throughput against a bare Tika pass, in one JVM and one run, over the real messages of the Tika
 * and mime4j test jars, or over the {@code .eml}/{@code .msg} files of any folder with {@code -Dcorpus.dir}
 * (see {@link Corpus}).
 *
 * <ul>
 *   <li><b>Baseline</b>: Tika's {@link AutoDetectParser} on every file, from a file-backed {@link TikaInputStream},
 *       to a {@link BodyContentHandler}{@code (-1)} (no write limit), with the parser itself in the
 *       {@link ParseContext} so that attachments and embedded messages are parsed too. Nothing is stored.</li>
 *   <li><b>Pipeline</b>: the files dropped into the import folder of a local connector account, then one
 *       {@code SyncService.sync} run of the real mail import: parse (mime4j / POI), media type detection and
 *       spooling of attachments, categorisation (Tika text extraction of each attachment + rules), activity and
 *       documents (original message + attachments, content in chunks) stored in the embedded CRM on an H2 file
 *       database, journal in the runtime's H2 file database, archive move. A fresh CRM per round, so every
 *       round really imports; the copying of the files into the folder and the database set-up are not timed.</li>
 * </ul>
 * {@code -Dparsing.threads} (default {@code 0,1}): the import measured with each of these numbers of parsing threads.
 * {@code -Dwarmups} (default 2) warm-up rounds of each, then {@code -Drounds} rounds (default 3), alternating baseline and pipeline so that
 * both see the same machine load.
 */
public final class MailImportBenchmark {

    private MailImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        Path work = Path.of(System.getProperty("work", "target/bench-mail")).toAbsolutePath();
        deleteTree(work);
        List<Path> corpus = Corpus.extract(work.resolve("corpus"));
        long corpusBytes = 0;
        for (Path f : corpus) {
            corpusBytes += Files.size(f);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MiB, %s%n", rt.availableProcessors(),
                System.getProperty("java.version"), rt.maxMemory() / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getName());
        System.out.printf(Locale.ROOT, "Corpus: %d messages, %.1f KiB (%s)%n", corpus.size(), corpusBytes / 1024.0,
                work.resolve("corpus"));

        Path spool = Files.createDirectories(work.resolve("spool"));
        Stages stages = new Stages();
        MessageParser parser = stages.parser(new MessageParserComponent(ParseLimits.DEFAULTS, spool));
        TikaDocumentCategorizer categorizerService = new TikaDocumentCategorizer(List.of(), 100_000,
                Duration.ofSeconds(30));
        DocumentCategorizer categorizer = stages.categorizer(categorizerService);
        Baseline baseline = new Baseline();

        int warmups = Math.max(1, Integer.getInteger("warmups", 2));
        for (int w = 1; w <= warmups; w++) {
            System.out.printf("Warm-up %d of %d ...%n", w, warmups);
            Baseline.Result wb = baseline.round(corpus);
            System.out.printf(Locale.ROOT, "  baseline: %s%n", wb);
            if (w == 1) {
                System.out.printf(Locale.ROOT, "  baseline detected types: %s%n", wb.types);
            }
            PipelineResult wp = pipelineRound(work, "warmup-" + w, corpus, parser, categorizer, stages, w == 1,
                    w % 2);
            System.out.printf(Locale.ROOT, "  pipeline: %s%n", wp);
        }

        List<Tally> tallies = new ArrayList<>();
        for (String threads : System.getProperty("parsing.threads", "0,1").split(",")) {
            tallies.add(new Tally(Integer.parseInt(threads.strip())));
        }
        // every round: the baseline, then the import in each configuration, so that all see the same machine load
        for (int r = 1; r <= rounds; r++) {
            for (Tally tally : tallies) {
                long c0 = processCpuNanos();
                Baseline.Result b = baseline.round(corpus);
                long bCpu = processCpuNanos() - c0;
                Map<String, long[]> before = snapshot(stages);
                PipelineResult p = pipelineRound(work, "round-" + tally.threads + "-" + r, corpus, parser, categorizer,
                        stages, false, tally.threads);
                tally.add(b, bCpu, p, before, snapshot(stages));
                System.out.printf(Locale.ROOT, "Round %d, %d parsing thread(s): baseline %s, CPU %d ms | pipeline %s, "
                        + "CPU %d ms | ratio %.2f (CPU %.2f)%n", r, tally.threads, b, ms(bCpu), p, ms(p.cpuNanos),
                        (double) p.nanos / b.nanos, (double) p.cpuNanos / bCpu);
            }
        }
        categorizerService.close();
        tallies.forEach(t -> t.print(rounds, corpus.size()));
    }

    private static Map<String, long[]> snapshot(Stages stages) {
        Map<String, long[]> copy = new TreeMap<>();
        stages.detail.forEach((what, nanos) -> copy.put(what, new long[] {nanos.sum(), stages.calls.get(what).sum()}));
        return copy;
    }

    /** The figures of one configuration (number of parsing threads) over the rounds. */
    private static final class Tally {
        final int threads;
        final List<Double> ratios = new ArrayList<>();
        final List<Double> cpuRatios = new ArrayList<>();
        final Map<String, long[]> detail = new TreeMap<>();
        long baseCpu;
        long pipeCpu;
        long baseTotal;
        long pipeTotal;
        long parse;
        long categorize;
        long crm;
        long connector;

        Tally(int threads) {
            this.threads = threads;
        }

        void add(Baseline.Result b, long bCpu, PipelineResult p, Map<String, long[]> before, Map<String, long[]> after) {
            ratios.add((double) p.nanos / b.nanos);
            cpuRatios.add((double) p.cpuNanos / bCpu);
            baseCpu += bCpu;
            pipeCpu += p.cpuNanos;
            baseTotal += b.nanos;
            pipeTotal += p.nanos;
            parse += p.parseNanos;
            categorize += p.categorizeNanos;
            crm += p.crmNanos;
            connector += p.connectorNanos;
            after.forEach((what, v) -> {
                long[] was = before.getOrDefault(what, new long[2]);
                long[] sum = detail.computeIfAbsent(what, k -> new long[2]);
                sum[0] += v[0] - was[0];
                sum[1] += v[1] - was[1];
            });
        }

        void print(int rounds, int messages) {
            ratios.sort(Comparator.naturalOrder());
            cpuRatios.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "%n== Import with %d parsing thread(s)%s ==%n", threads,
                    threads == 0 ? " (everything on the run's thread)" : " ahead of the run's thread");
            System.out.printf(Locale.ROOT, "Baseline (bare Tika AutoDetectParser, embedded documents parsed): %d ms per "
                    + "round (%.2f ms per message)%n", ms(baseTotal) / rounds, ms(baseTotal) / (double) rounds / messages);
            System.out.printf(Locale.ROOT, "Pipeline (SyncService.sync: parse + categorise + H2 store + archive move): %d "
                    + "ms per round (%.2f ms per message)%n", ms(pipeTotal) / rounds, ms(pipeTotal) / (double) rounds / messages);
            System.out.printf(Locale.ROOT, "  time in: message parsing %d ms, categorisation %d ms, CRM (H2) %d ms, local "
                            + "connector (list, open, move) %d ms, rest (journal, key, copy, import code) %d ms per round "
                            + "(with parsing threads, parsing and categorisation overlap the rest)%n",
                    ms(parse) / rounds, ms(categorize) / rounds, ms(crm) / rounds, ms(connector) / rounds,
                    ms(pipeTotal - parse - categorize - crm - connector) / rounds);
            System.out.printf(Locale.ROOT, "Ratio pipeline/baseline: %.2f over all rounds (median round %.2f, min %.2f, "
                            + "max %.2f); target <= 1.2 (issue 16): %s%n", (double) pipeTotal / baseTotal,
                    ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1),
                    (double) pipeTotal / baseTotal <= 1.2 ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "Process CPU time per round: baseline %d ms, pipeline %d ms (the import's "
                            + "database setup excluded); CPU ratio %.2f (median round %.2f)%n", ms(baseCpu) / rounds,
                    ms(pipeCpu) / rounds, (double) pipeCpu / baseCpu, cpuRatios.get(cpuRatios.size() / 2));
            System.out.println("Pipeline time per service call (wall, per round):");
            detail.forEach((what, v) -> System.out.printf(Locale.ROOT, "  %-32s %6d ms  %5d calls  %.2f ms/call%n",
                    what, ms(v[0]) / rounds, v[1] / rounds, v[1] == 0 ? 0 : v[0] / 1e6 / v[1]));
        }
    }

    /** What one pipeline round did and how long the sync took. */
    record PipelineResult(long nanos, long cpuNanos, int created, int unchanged, int failed, int archived, long documents,
                          long documentBytes, long parseNanos, long categorizeNanos, long crmNanos, long connectorNanos,
                          long categorized) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ms: %d created, %d unchanged (same Message-ID), %d failed, %d archived, "
                            + "%d documents (%.1f KiB) stored, %d categorised", ms(nanos), created, unchanged, failed,
                    archived, documents, documentBytes / 1024.0, categorized);
        }
    }

    private static PipelineResult pipelineRound(Path work, String name, List<Path> corpus, MessageParser parser,
                                                DocumentCategorizer categorizer, Stages stages, boolean showFailures,
                                                int parsingThreads)
            throws IOException {
        Path dir = work.resolve(name);
        try (MailPipeline pipeline = new MailPipeline(dir, parser, categorizer, stages::crm, stages::connector,
                corpus.size() + 10, parsingThreads)) {
            Files.createDirectories(pipeline.importFolder());
            for (Path f : corpus) {
                Files.copy(f, pipeline.importFolder().resolve(f.getFileName()));
            }
            stages.reset();
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            SyncRun run = pipeline.run();
            long nanos = System.nanoTime() - t0;
            long cpu = processCpuNanos() - c0;
            int archived = count(pipeline.archive());
            int left = count(pipeline.importFolder());
            int created = run.count(Outcome.CREATED);
            int unchanged = run.count(Outcome.UNCHANGED);
            int failed = run.count(Outcome.FAILED);
            if (archived + left != corpus.size() || created + unchanged != archived || created == 0) {
                throw new IllegalStateException("round " + name + " lost messages: " + created + " created, "
                        + unchanged + " unchanged, " + archived + " archived, " + left + " left of " + corpus.size());
            }
            if (showFailures) {
                for (JournalEntry e : pipeline.entries(run)) {
                    if (e.outcome() == Outcome.FAILED || e.outcome() == Outcome.WARNING) {
                        System.out.printf("  journal %s %s: %s%n", e.outcome(), e.item(), e.message());
                    }
                }
            }
            long[] docs = pipeline.documentCountAndBytes();
            return new PipelineResult(nanos, cpu, created, unchanged, failed, archived, docs[0], docs[1],
                    stages.parseNanos.sum(), stages.categorizeNanos.sum(), stages.crmNanos.sum(),
                    stages.connectorNanos.sum(), stages.categorized.sum());
        } finally {
            deleteTree(dir);
        }
    }

    /** The bare Tika pass. */
    static final class Baseline {
        private final AutoDetectParser parser = new AutoDetectParser(TikaConfig.getDefaultConfig());

        /** One pass over every file. */
        record Result(long nanos, int parsed, int failed, long chars, Map<String, Integer> types) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%d ms: %d parsed, %d failed, %d characters of text", ms(nanos),
                        parsed, failed, chars);
            }
        }

        Result round(List<Path> files) {
            int parsed = 0;
            int failed = 0;
            long chars = 0;
            Map<String, Integer> types = new TreeMap<>();
            long t0 = System.nanoTime();
            for (Path file : files) {
                Metadata metadata = new Metadata();
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
                ParseContext context = new ParseContext();
                context.set(Parser.class, parser);
                BodyContentHandler handler = new BodyContentHandler(-1);
                try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                    parser.parse(in, handler, metadata, context);
                    chars += handler.toString().length();
                    parsed++;
                } catch (Exception e) {
                    failed++;
                }
                String type = metadata.get(Metadata.CONTENT_TYPE);
                types.merge(type == null ? "?" : type.replaceAll(";.*", ""), 1, Integer::sum);
            }
            return new Result(System.nanoTime() - t0, parsed, failed, chars, types);
        }
    }

    private static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    /** CPU time of the whole process (all threads: the categoriser's workers, GC and JIT included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
