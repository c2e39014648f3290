package io.liaison.api.content;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/** An attachment of a parsed message: its name, its type detected from the content, and its content. */
@ProviderType
public interface ParsedAttachment extends AutoCloseable {

    /** The file name as the message gives it, or one made up from the type when it gives none. */
    String fileName();

    /** The media type detected from the content (not the one the sender claimed). */
    String mediaType();

    /** The size in bytes. */
    long size();

    /** A new stream over the content; the caller closes it. May be called more than once. */
    InputStream open() throws IOException;

    /** Releases the spooled content. */
    @Override
    void close();
}
