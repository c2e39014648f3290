package io.liaison.api.content;

import io.liaison.api.domain.Classification;
import java.io.InputStream;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Gives a document a category and keywords by configurable rules (media type, file name pattern, words in
 * its text), reading at most a bounded amount of its text.
 */
@ProviderType
public interface DocumentCategorizer {

    /**
     * Categorises a document.
     *
     * @param fileName  its name
     * @param mediaType its detected media type
     * @param content   its bytes; read as far as needed, not closed
     */
    Classification categorize(String fileName, String mediaType, InputStream content);

    /**
     * Categorises a document within a time budget: text that cannot be read by {@code deadline} is not read (the
     * document is categorised by name and type). A message's attachments share one deadline, so that many slow
     * documents cannot hold a message for longer than its budget.
     *
     * @since 1.1
     */
    default Classification categorize(String fileName, String mediaType, InputStream content, Instant deadline) {
        return categorize(fileName, mediaType, content);
    }

    /**
     * Categorises a document within a time budget and says when its text could not be read (so that the
     * classification rests on name and type only). Implementations that read text override this; the default
     * reports no problem.
     *
     * @throws ContentServiceStoppedException when the categoriser was stopped
     * @since 1.2
     */
    default Categorization categorizeWithin(String fileName, String mediaType, InputStream content, Instant deadline) {
        return Categorization.of(categorize(fileName, mediaType, content, deadline));
    }
}
