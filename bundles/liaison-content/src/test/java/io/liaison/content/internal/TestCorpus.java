package io.liaison.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The real documents inside the test jars that Apache Tika and Apache James mime4j publish on Maven Central. */
final class TestCorpus {

    /** One document: the jar it comes from, its entry name, its bytes. */
    record Document(String jar, String name, byte[] bytes) {
        String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }

        InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }

    private TestCorpus() {
    }

    /** Every entry under {@code folder} (in every test jar that has one) whose name passes {@code filter}. */
    static List<Document> documents(String folder, Predicate<String> filter) {
        List<Document> documents = new ArrayList<>();
        try {
            for (URL url : Collections.list(TestCorpus.class.getClassLoader().getResources(folder))) {
                if (!url.getProtocol().equals("jar")) {
                    continue;
                }
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                String jarPath = connection.getJarFileURL().getPath();
                try (ZipFile zip = new ZipFile(jarPath)) {
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        String name = entry.getName();
                        if (!entry.isDirectory() && name.startsWith(folder + "/") && filter.test(name)) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                documents.add(new Document(jarPath.substring(jarPath.lastIndexOf('/') + 1), name,
                                        in.readAllBytes()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Document document(String folder, String fileName) {
        return documents(folder, n -> n.endsWith("/" + fileName)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + folder + "/" + fileName + " in the test jars"));
    }

    /** Tika's mail and Outlook test messages and mime4j's test messages (all MIME, despite the .msg name). */
    static List<Document> messages() {
        List<Document> all = new ArrayList<>(documents("test-documents", n -> {
            String f = n.substring(n.lastIndexOf('/') + 1);
            return f.endsWith(".eml") || f.endsWith(".msg") || (f.startsWith("testRFC822") && !f.endsWith(".txt"));
        }));
        all.addAll(documents("testmsgs", n -> n.endsWith(".msg")));
        all.addAll(documents("mimetools-testmsgs", n -> n.endsWith(".msg")));
        return all;
    }
}
