package io.liaison.api.connector;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open connection to one account's groupware, for the length of a sync run. A connector offers the
 * stores it supports; an empty store means the groupware has no such area.
 */
@ConsumerType
public interface ConnectorSession extends AutoCloseable {

    /** Mail folders and messages. */
    Optional<MailStore> mail();

    /** Calendar events (appointments, meetings). */
    Optional<ItemStore<EventData>> events();

    /** Tasks. */
    Optional<ItemStore<TaskData>> tasks();

    /** Contacts. */
    Optional<ItemStore<ContactData>> contacts();

    /**
     * How many e-mail addresses and phone numbers the groupware's contacts hold; the contact store writes no more
     * than that (Microsoft Graph: 3 e-mail addresses, 2 business and 2 home numbers). The default: no limits.
     */
    default ContactLimits contactLimits() {
        return ContactLimits.NONE;
    }

    /** Releases connections; never throws. */
    @Override
    void close();
}
