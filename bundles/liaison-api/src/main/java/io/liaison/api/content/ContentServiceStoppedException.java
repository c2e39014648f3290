package io.liaison.api.content;

/**
 * A content service (the parser, the categoriser) was stopped while it was asked for work: its module is being
 * stopped, updated or removed. The work was not done and says nothing about the document; a caller leaves the item
 * where it is for a later run instead of storing it half done or counting it as unreadable.
 *
 * @since 1.2
 */
public class ContentServiceStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ContentServiceStoppedException(String message) {
        super(message);
    }
}
