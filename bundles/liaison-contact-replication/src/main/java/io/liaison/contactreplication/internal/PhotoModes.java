package io.liaison.contactreplication.internal;

import io.liaison.api.runtime.Link;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether each linked contact replicates its photo, as its export chose (kept in front of the link's content hash);
 * a contact without a link (one being linked again) replicates photos. Both sides hash a pair in its pair's mode,
 * so the hashes compare.
 */
final class PhotoModes {
    private final Map<String, Boolean> byCrm = new HashMap<>();
    private final Map<String, Boolean> byGroupware = new HashMap<>();

    PhotoModes(List<Link> links) {
        for (Link link : links) {
            byCrm.put(link.crmId(), ReplicationKeys.withPhotos(link));
            byGroupware.put(link.groupwareId(), ReplicationKeys.withPhotos(link));
        }
    }

    /**
     * A contact person takes the mode of the pair of a linked one merged into it, whose groupware contact it takes
     * over; a survivor with a pair of its own keeps that pair's mode, and of several merged into one the first counts.
     */
    void follow(String mergedCrmId, String survivorCrmId) {
        if (byCrm.containsKey(mergedCrmId)) {
            byCrm.putIfAbsent(survivorCrmId, byCrm.get(mergedCrmId));
        }
    }

    /** The mode of the contact person's pair. */
    boolean ofCrm(String crmId) {
        return byCrm.getOrDefault(crmId, true);
    }

    /** The mode of the groupware contact's pair, found by its id or else by the CRM id it carries. */
    boolean ofGroupware(String groupwareId, Optional<String> crmId) {
        Boolean mode = byGroupware.get(groupwareId);
        return mode != null ? mode : crmId.map(this::ofCrm).orElse(true);
    }
}
