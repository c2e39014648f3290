package io.liaison.api.crm;

import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.StatusKey;
import java.util.List;
import java.util.OptionalInt;
import org.osgi.annotation.versioning.ProviderType;

/** The status keys and activity types the host CRM knows. */
@ProviderType
public interface CrmCatalog {

    /** Every status key with its label. */
    List<StatusDefinition> statusKeys();

    /** Whether the CRM knows this status key (an import folder naming another one is skipped). */
    default boolean isKnown(StatusKey key) {
        return statusKeys().stream().anyMatch(s -> s.key().equals(key));
    }

    /** Every activity type with its label. */
    List<ActivityTypeDefinition> activityTypes();

    /**
     * The longest subject an activity may have, in characters, when the CRM limits it (a column of fixed width);
     * empty when it does not. Liaison cuts a longer subject (a mail's) at a word and ends it with "…" instead of
     * having the create fail.
     *
     * @since 1.2
     */
    default OptionalInt maxSubjectLength() {
        return OptionalInt.empty();
    }

    /** A status key and its label. */
    record StatusDefinition(StatusKey key, String label) {
    }

    /** An activity type and its label. */
    record ActivityTypeDefinition(ActivityType type, String label) {
    }
}
