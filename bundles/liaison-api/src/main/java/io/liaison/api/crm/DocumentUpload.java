package io.liaison.api.crm;

import io.liaison.api.domain.NewDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A document to store together with a new activity ({@link HostCrm#createWithDocuments}): what it is, and how to
 * read its content when the CRM stores it.
 *
 * @param document the file name, media type and classification
 * @param content  opens the content; called at most once, and the CRM closes the stream it returns
 */
public record DocumentUpload(NewDocument document, DocumentUpload.Content content) {

    /** Opens a document's content as a stream (it may be hundreds of megabytes: it is read, never held whole). */
    @FunctionalInterface
    public interface Content {
        /**
         * Opens the content.
         *
         * @return a new stream, which the caller closes
         * @throws IOException when the content cannot be opened
         */
        InputStream open() throws IOException;
    }

    public DocumentUpload {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(content, "content");
    }
}
