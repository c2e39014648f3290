package io.liaison.benchmarks.mailimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real messages inside the test jars that Apache Tika ({@code tika-parser-mail-module},
 * {@code tika-parser-microsoft-module}) and Apache James mime4j ({@code apache-mime4j-core}) publish: every
 * {@code .eml}/{@code .msg} (the selection of the content bundle's {@code TestCorpus}), written to a folder; or
 * the messages of any folder ({@code -Dcorpus.dir}), so that a customer can measure on their own mails.
 */
final class Corpus {
    private Corpus() {
    }

    /** Writes every corpus message to {@code dir} under a unique name that keeps its extension. */
    static List<Path> extract(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        String own = System.getProperty("corpus.dir", "").strip();
        if (!own.isEmpty()) {
            copyFolder(Path.of(own), dir, files);
            return files;
        }
        extract("test-documents", n -> n.endsWith(".eml") || n.endsWith(".msg")
                || (n.startsWith("testRFC822") && !n.endsWith(".txt")), dir, files);
        extract("testmsgs", n -> n.endsWith(".msg"), dir, files);
        extract("mimetools-testmsgs", n -> n.endsWith(".msg"), dir, files);
        if (files.isEmpty()) {
            throw new IllegalStateException("no test messages on the class path: the Tika and mime4j test jars are missing");
        }
        return files;
    }

    /**
     * Copies every {@code .eml} and {@code .msg} file under {@code source} (subfolders included, in name order) to
     * {@code dir}, numbered: files of different subfolders may have the same name, and the import folder is flat.
     */
    private static void copyFolder(Path source, Path dir, List<Path> files) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("corpus.dir " + source + " is not a folder");
        }
        List<Path> messages;
        try (Stream<Path> walk = Files.walk(source)) {
            messages = walk.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".eml") || name.endsWith(".msg");
            }).sorted().toList();
        }
        for (Path message : messages) {
            Path target = dir.resolve(String.format("%03d-%s", files.size(), message.getFileName()));
            Files.copy(message, target, StandardCopyOption.REPLACE_EXISTING);
            files.add(target);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("corpus.dir " + source + " holds no .eml or .msg file");
        }
    }

    private static void extract(String folder, Predicate<String> fileFilter, Path dir, List<Path> files)
            throws IOException {
        for (URL url : Collections.list(Corpus.class.getClassLoader().getResources(folder))) {
            if (!url.getProtocol().equals("jar")) {
                continue;
            }
            String jarPath = ((JarURLConnection) url.openConnection()).getJarFileURL().getPath();
            try (ZipFile zip = new ZipFile(jarPath)) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    String fileName = name.substring(name.lastIndexOf('/') + 1);
                    if (entry.isDirectory() || !name.startsWith(folder + "/") || !fileFilter.test(fileName)) {
                        continue;
                    }
                    // testRFC822 files without extension are MIME: the local connector reads .eml and .msg only
                    String unique = String.format("%03d-%s%s", files.size(), fileName,
                            fileName.endsWith(".eml") || fileName.endsWith(".msg") ? "" : ".eml");
                    Path target = dir.resolve(unique);
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    files.add(target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the test jar " + jarPath, e);
            }
        }
    }
}
