package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real messages of the test jars Apache Tika and Apache James mime4j publish (the corpus of the content bundle's
 * tests and of the mail benchmark: every {@code .eml}/{@code .msg}, 115 mails) imported in one run through the whole
 * import: every one is imported or found to be a mail imported before, none fails, all are archived.
 *
 * <p>It writes what became of each mail, one tab-separated line per file, to {@code target/corpus-import.tsv}: the
 * journal's outcome, activity type, subject, date, the text's length and hash (without the parser's notes), the
 * documents with their categories, the parser's notes and the kind of key. The files are dated alike, so that a mail
 * dated by its receipt has the same date in every run. Comparing that file between two versions shows which mails a change
 * touched (issue 22's closing note was made so).
 */
class CorpusImportTest {
    /** When every file was received (its modification time): a mail without a date is dated the same in every run. */
    private static final FileTime RECEIVED = FileTime.from(Instant.parse("2026-12-01T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void everyCorpusMailIsImportedOrFoundAndArchived() throws IOException {
        MailFlow flow = new MailFlow(dir);
        List<String> files = extract(flow.importFolder());

        SyncRun run = flow.run();

        Map<String, String> lines = summary(flow, run);
        assertThat(files).hasSize(115);
        assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(lines.values()).noneMatch(line -> line.contains("\t" + Outcome.FAILED + "\t"));
        try (Stream<Path> left = Files.list(flow.importFolder())) {
            assertThat(left.filter(Files::isRegularFile)).as("every mail archived").isEmpty();
        }
        Path out = Path.of("target", "corpus-import.tsv");
        Files.createDirectories(out.getParent());
        Files.write(out, lines.values(), StandardCharsets.UTF_8);
        Path texts = Files.createDirectories(Path.of("target", "corpus-import-texts"));
        for (String file : files) {
            Files.writeString(texts.resolve(file + ".txt"), textOf(flow, run, file), StandardCharsets.UTF_8);
        }
    }

    /** One line per file, by file name: the mail's journal entry and what its activity holds. */
    private static Map<String, String> summary(MailFlow flow, SyncRun run) {
        Map<String, String> lines = new TreeMap<>();
        for (JournalEntry entry : flow.entries(run)) {
            String file = entry.item().substring(entry.item().lastIndexOf('/') + 1);
            if (entry.item().contains(" / ") || entry.outcome() == Outcome.WARNING) {
                continue; // a document's or a second entry of the mail
            }
            StringBuilder line = new StringBuilder(file).append('\t').append(entry.outcome()).append('\t');
            entry.crmId().flatMap(id -> flow.crm.activities().get(MailFlow.DEMO, new ActivityId(id)))
                    .ifPresentOrElse(a -> describe(flow, a, line), () -> line.append(entry.message()));
            lines.put(file, line.toString());
        }
        return lines;
    }

    /** The text of the activity a file was imported into, to compare versions by. */
    private static String textOf(MailFlow flow, SyncRun run, String file) {
        return flow.entries(run).stream().filter(e -> e.item().endsWith("/" + file) && e.crmId().isPresent())
                .findFirst().flatMap(e -> flow.crm.activities().get(MailFlow.DEMO, new ActivityId(e.crmId().get())))
                .map(a -> a.data().text()).orElse("");
    }

    private static void describe(MailFlow flow, Activity a, StringBuilder line) {
        String text = a.data().text();
        int notesAt = text.indexOf(ParserNotes.HEADING);
        // the text as the mail has it: without the notes and the rule before them (ParserNotes)
        String body = (notesAt < 0 ? text : text.substring(0, notesAt)).strip();
        body = notesAt < 0 || !body.endsWith("---") ? body : body.substring(0, body.length() - 3).strip();
        String notes = notesAt < 0 ? "" : text.substring(notesAt + ParserNotes.HEADING.length()).strip()
                .replaceAll("\\s+", " ");
        List<String> documents = new ArrayList<>();
        for (Document d : flow.crm.documents().list(MailFlow.DEMO, a.id())) {
            documents.add(d.fileName() + ":" + d.classification().category()
                    + (d.classification().keywords().isEmpty() ? "" : d.classification().keywords()));
        }
        Collections.sort(documents);
        String key = a.sourceKey().orElse("");
        line.append(a.data().type().key()).append('\t')
                .append(a.data().subject().replaceAll("\\s+", " ")).append('\t')
                .append(a.data().start().map(Object::toString).orElse("")).append('\t')
                .append(body.length()).append(':').append(hash(body)).append('\t')
                .append(String.join(", ", documents)).append('\t')
                .append(notes).append('\t')
                .append(key.startsWith("content-sha256:") ? "content fingerprint"
                        : key.startsWith("sha256:") ? "raw bytes" : key.contains("#") ? "Message-ID + fingerprint"
                        : "Message-ID");
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes every corpus message into {@code folder} as {@code NNN-name}, as the mail benchmark does. */
    private static List<String> extract(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> files = new ArrayList<>();
        extract("test-documents", n -> n.endsWith(".eml") || n.endsWith(".msg")
                || (n.startsWith("testRFC822") && !n.endsWith(".txt")), folder, files);
        extract("testmsgs", n -> n.endsWith(".msg"), folder, files);
        extract("mimetools-testmsgs", n -> n.endsWith(".msg"), folder, files);
        return files;
    }

    private static void extract(String jarFolder, Predicate<String> fileFilter, Path folder, List<String> files)
            throws IOException {
        for (URL url : Collections.list(CorpusImportTest.class.getClassLoader().getResources(jarFolder))) {
            if (!url.getProtocol().equals("jar")) {
                continue;
            }
            String jarPath = ((JarURLConnection) url.openConnection()).getJarFileURL().getPath();
            try (ZipFile zip = new ZipFile(jarPath)) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    String fileName = name.substring(name.lastIndexOf('/') + 1);
                    if (entry.isDirectory() || !name.startsWith(jarFolder + "/") || !fileFilter.test(fileName)) {
                        continue;
                    }
                    // testRFC822 files without extension are MIME: the local connector reads .eml and .msg only
                    String unique = String.format("%03d-%s%s", files.size(), fileName,
                            fileName.endsWith(".eml") || fileName.endsWith(".msg") ? "" : ".eml");
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, folder.resolve(unique));
                    }
                    Files.setLastModifiedTime(folder.resolve(unique), RECEIVED);
                    files.add(unique);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the test jar " + jarPath, e);
            }
        }
    }
}
