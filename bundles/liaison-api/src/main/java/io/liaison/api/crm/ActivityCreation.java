package io.liaison.api.crm;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.Document;
import java.util.List;
import java.util.Objects;

/**
 * What {@link HostCrm#createWithDocuments} did.
 *
 * @param activity  the activity: the new one, or the one that already held the idempotency key
 * @param created   whether this call created it; false when the key was already used (then no document was
 *                  attached by this call)
 * @param documents the documents this call attached, in the order given
 */
public record ActivityCreation(Activity activity, boolean created, List<Document> documents) {
    public ActivityCreation {
        Objects.requireNonNull(activity, "activity");
        documents = List.copyOf(documents);
    }
}
