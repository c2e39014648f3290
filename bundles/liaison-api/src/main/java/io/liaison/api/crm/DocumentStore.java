package io.liaison.api.crm;

import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.DocumentId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.NewDocument;
import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Documents attached to activities: original messages and their attachments, with category and keywords. */
@ProviderType
public interface DocumentStore {

    /**
     * Stores a document with an activity. The content is read to its end as a stream (it may be hundreds of
     * megabytes) and not closed.
     */
    Document attach(EmployeeId actor, ActivityId activity, NewDocument document, InputStream content);

    /** The documents of an activity, in the order they were attached. */
    List<Document> list(EmployeeId actor, ActivityId activity);

    /** The content of a document; the caller closes the stream. */
    InputStream open(EmployeeId actor, DocumentId document);

    /** Sets a document's category and keywords (the spec's "Edit document" step). */
    Document classify(EmployeeId actor, DocumentId document, Classification classification);
}
