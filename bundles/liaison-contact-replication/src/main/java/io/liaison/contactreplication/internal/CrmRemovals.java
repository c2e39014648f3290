package io.liaison.contactreplication.internal;

import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why linked contact persons are gone from the CRM's feed, and what that makes of their groupware contacts (issue
 * 26). The spec says what deleting a contact in the groupware does, not what a CRM deletion does; a contact person
 * is often gone because it was merged into its duplicate, and the groupware contact a person keeps must not vanish
 * for that. So, by {@link io.liaison.api.crm.ContactPersonDirectory#absence}:
 * <ul>
 *   <li>merged: the groupware contact follows the survivor ({@code mergedInto}; the engine re-links it, or keeps it
 *       unlinked when the survivor has a groupware contact of its own);</li>
 *   <li>deleted for good: a deletion (the contact rule: deleted in the groupware unless changed there);</li>
 *   <li>no longer visible to the employee, or gone for a reason the CRM does not tell: the groupware contact leaves
 *       replication, kept without its CRM id ({@code left}), never deleted.</li>
 * </ul>
 * A contact person the CRM still gives is no removal at all (the engine confirms it is there).
 */
final class CrmRemovals {

    private final HostCrm crm;
    private final EmployeeId actor;
    private final Set<String> linkedCrm;
    private final PhotoModes modes;
    private final Set<String> removed = new HashSet<>();
    private final Map<String, String> left = new LinkedHashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Map<String, ContactPerson> survivors = new LinkedHashMap<>();

    CrmRemovals(HostCrm crm, EmployeeId actor, Set<String> linkedCrm, PhotoModes modes) {
        this.crm = crm;
        this.actor = actor;
        this.linkedCrm = linkedCrm;
        this.modes = modes;
    }

    /** Takes a contact person id the feed reported removed (or a complete listing left out). */
    void gone(String id) {
        if (!linkedCrm.contains(id)) {
            removed.add(id); // nothing replicates it; the engine ignores it
            return;
        }
        Optional<ContactPersonAbsence> absence = crm.contactPersons().absence(actor, ContactPersonId.of(id));
        if (absence.isEmpty()) {
            removed.add(id); // still there: the engine's look-up confirms it and nothing happens
            return;
        }
        switch (absence.get().reason()) {
            case MERGED -> merged(id, absence.get().survivor().orElseThrow());
            case DELETED -> removed.add(id);
            case NOT_VISIBLE -> left.put(id, "no longer visible to employee " + actor.value() + " in the CRM; "
                    + "the groupware contact is kept without its CRM id");
            case UNKNOWN -> left.put(id, "gone from the CRM, which does not tell whether it was deleted or merged "
                    + "into another contact person; the groupware contact is kept without its CRM id");
        }
    }

    private void merged(String id, ContactPersonId survivor) {
        removed.add(id);
        mergedInto.put(id, survivor.value());
        if (linkedCrm.contains(survivor.value()) || survivors.containsKey(survivor.value())) {
            return; // the engine keeps this groupware contact unlinked: the survivor has one already
        }
        // the survivor's pair keeps the photo choice of the merged contact's export
        modes.follow(id, survivor.value());
        crm.contactPersons().get(actor, survivor).ifPresent(p -> survivors.put(survivor.value(), p));
    }

    /** The ids gone for good (and merged away). */
    Set<String> removed() {
        return removed;
    }

    /** The linked ids whose groupware contacts leave replication, with the reason. */
    Map<String, String> left() {
        return left;
    }

    /** The merged-away linked ids, with their survivors. */
    Map<String, String> mergedInto() {
        return mergedInto;
    }

    /** The survivors the groupware contacts of merged-away contact persons may follow, as the CRM gives them now. */
    Iterable<ContactPerson> survivors() {
        return survivors.values();
    }
}
