package io.liaison.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.parser.AutoDetectParser;

/**
 * The Tika embedded in this bundle. Tika finds its parsers and detectors through service files read with
 * the thread context class loader, so every call into Tika runs with this bundle's loader as that loader.
 */
final class EmbeddedTika {

    private static final class Holder {
        static final TikaConfig CONFIG = withBundleClassLoader(TikaConfig::getDefaultConfig);
        static final AutoDetectParser AUTO_DETECT = new AutoDetectParser(CONFIG);
    }

    private EmbeddedTika() {
    }

    static TikaConfig config() {
        return Holder.CONFIG;
    }

    /**
     * The one auto-detecting parser on {@link #config()} (parsers are stateless and thread-safe). Tika's parsers of
     * containers (mail, PDF, Office) need one in their {@code ParseContext} for embedded documents: without it, each
     * call builds a new one on a new default configuration, loading every parser and detector again.
     */
    static AutoDetectParser autoDetectParser() {
        return Holder.AUTO_DETECT;
    }

    /** Runs {@code work} with this bundle's class loader as the thread context class loader. */
    static <T> T withBundleClassLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedTika.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Detects the media type of content from its bytes, with the file name as a hint only.
     *
     * @param content  a stream that supports mark/reset or a {@link TikaInputStream}
     * @param fileName the name, may be empty
     */
    static String detect(InputStream content, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (!fileName.isEmpty()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        Detector detector = config().getDetector();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedTika.class.getClassLoader());
        try {
            return detector.detect(content, metadata).getBaseType().toString();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Tika's own media types: markers of its detection, not types a reader of the document would know. */
    private static final String TIKA_INTERNAL = "application/x-tika-";

    /**
     * The media type to store for a detected one: Tika's internal types ({@code application/x-tika-ooxml-protected}
     * for a password-protected Office file, {@code application/x-tika-msoffice} for an OLE2 file it could not place,
     * ...) mean nothing to a CRM or a browser, so they become the type the file name's extension gives, else
     * {@code application/octet-stream}.
     */
    static String publicType(String detected, String fileName) {
        if (detected == null || !detected.startsWith(TIKA_INTERNAL)) {
            return detected;
        }
        if (fileName != null && !fileName.isBlank()) {
            try {
                String byName = config().getMimeRepository().getMimeType(fileName).getName();
                if (!byName.startsWith(TIKA_INTERNAL) && !byName.equals("application/octet-stream")) {
                    return byName;
                }
            } catch (RuntimeException e) {
                // fall through: unknown by name as well
            }
        }
        return "application/octet-stream";
    }

    /** Whether Tika detected an encrypted (password-protected) Office document. */
    static boolean isProtectedOffice(String detected) {
        return "application/x-tika-ooxml-protected".equals(detected);
    }

    /** The usual file extension of a media type (with the dot), or empty. */
    static String extensionOf(String mediaType) {
        try {
            return config().getMimeRepository().forName(mediaType).getExtension();
        } catch (MimeTypeException e) {
            return "";
        }
    }
}
