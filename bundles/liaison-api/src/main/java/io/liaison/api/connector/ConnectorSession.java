package io.liaison.api.connector;

import io.liaison.api.connector.item.ContactData;
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

    /** Releases connections; never throws. */
    @Override
    void close();
}
