package io.liaison.graph.emulator;

import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * One emulated Exchange Online mailbox, for seeding and inspection from tests.
 * Ids are the same immutable ids the Graph endpoints return.
 */
public interface Mailbox {

    /** @return the user's object id (a GUID), usable in {@code /users/{id}} */
    String userId();

    /** @return the user principal name the mailbox was created for */
    String userPrincipalName();

    /**
     * Resolves a folder id.
     *
     * @param wellKnownOrPath a well-known mail folder name ({@code inbox}, {@code sentitems}, {@code deleteditems},
     *        {@code archive}, {@code drafts}, {@code junkemail}, {@code outbox}, {@code msgfolderroot}), a path of
     *        display names below such a folder ({@code inbox/Import folder/CRM Offers [E]}), an existing folder id,
     *        or {@code calendar}, {@code contacts}, {@code tasks} for the default calendar, contact folder and To Do list
     * @return the folder's id
     * @throws IllegalArgumentException when no such folder exists
     */
    String folderId(String wellKnownOrPath);

    /**
     * Creates a mail folder (or a contact folder when the parent is a contact folder).
     *
     * @return the new folder's id
     */
    String createFolder(String parentFolderId, String displayName);

    /**
     * Stores a message from its raw MIME form; Subject, From, To, Cc, Date and Message-ID become message properties.
     *
     * @return the message id
     */
    String addMessage(String folderId, byte[] rfc822);

    /** @return the ids of the messages in that folder, oldest first */
    List<String> messageIds(String folderId);

    /**
     * Creates an event in the default calendar from the JSON body Graph accepts on {@code POST /events}.
     *
     * @return the event id
     */
    String addEvent(Map<String, Object> graphEventJson);

    /**
     * Creates a To Do task in a list from the JSON body Graph accepts on {@code POST /todo/lists/{id}/tasks}.
     *
     * @return the task id
     */
    String addTodoTask(String listId, Map<String, Object> todoTaskJson);

    /**
     * Creates a contact in a contact folder from the JSON body Graph accepts on {@code POST /contacts}.
     *
     * @return the contact id
     */
    String addContact(String contactFolderId, Map<String, Object> contactJson);

    /**
     * Gives a contact a photo the way Outlook on the desktop can, without Graph's 4 MB limit of {@code PUT
     * /contacts/{id}/photo/$value}: a photo a client reads back but could not have written.
     */
    void setContactPhotoInOutlook(String contactId, byte[] jpeg);

    /**
     * @return the stored resource (of any kind) as a JSON map, including its single-value extended properties
     * @throws IllegalArgumentException when no such item exists
     */
    Map<String, Object> item(String id);

    /**
     * @return the property names each PATCH of this item through Graph carried, oldest first (events, contacts, To Do
     *         tasks; empty when none), so a test can tell what a client rewrote
     */
    List<Set<String>> patches(String id);

    /**
     * @return the meeting messages the owner sent as organizer through Graph (invitations, updates, cancellations),
     *         oldest first, one per attendee; seeding and the changes "by a person" below send none
     */
    List<MeetingMessage> meetingMessages();

    /** A change "by a person": the item gets a new change key and shows in the next delta round. */
    void touch(String id);

    /** A deletion "by a person": the item shows as {@code @removed} in the next delta round. */
    void remove(String id);
}
