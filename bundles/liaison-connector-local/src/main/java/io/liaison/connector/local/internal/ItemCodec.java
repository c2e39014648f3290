package io.liaison.connector.local.internal;

import java.util.Optional;

/**
 * Reads and writes one kind of item file (an iCalendar event or task, a vCard).
 *
 * @param <T> the item type
 */
interface ItemCodec<T> {

    /** What the item is called in messages, e.g. {@code event}. */
    String kind();

    /** What besides the content decides how a file reads (the account's zone), for caching parsed items. */
    default String readingContext() {
        return "";
    }

    /**
     * The line a complete file ends with, e.g. {@code END:VCALENDAR}: a file that stops before it was saved
     * half-way, and lenient parsers would read what is there as the whole item.
     */
    String lastLine();

    /** The file extension without the dot, e.g. {@code ics}. */
    String extension();

    /**
     * Reads a file's content.
     *
     * @throws BrokenItemException when it is not a valid item of this kind; the message says why
     */
    Parsed<T> parse(byte[] content) throws BrokenItemException;

    /**
     * Writes an item. With {@code existing} content (an update) everything the item type does not map is kept
     * as it was (other properties, exceptions of a series, the UID or its absence); without, a new file with
     * {@code newUid} is written.
     */
    byte[] render(Optional<byte[]> existing, String newUid, T data, Optional<String> crmId) throws BrokenItemException;

    /**
     * An item as read from a file.
     *
     * @param uid   its UID, if the file has one
     * @param crmId its {@code X-LIAISON-CRM-ID}, if any
     * @param data  the content
     */
    record Parsed<T>(Optional<String> uid, Optional<String> crmId, T data) {
    }
}
