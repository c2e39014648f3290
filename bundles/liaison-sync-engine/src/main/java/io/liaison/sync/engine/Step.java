package io.liaison.sync.engine;

import io.liaison.api.runtime.Link;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine does with one item (or linked pair) in a run.
 *
 * @param kind       what is done
 * @param link       the pair's link, when there is one
 * @param crm        the CRM item as this run read it, when the CRM reported it
 * @param groupware  the groupware item as this run read it, when the groupware reported it
 * @param resolution for a {@link Kind#CONFLICT}: which edit is kept
 * @param lookUpFirst for a create on the groupware side: whether to look for an item created before (after a
 *                   crash) first, because the groupware's change set was not complete
 * @param reason     why, for the journal and the preview
 * @param <C>        the CRM content type
 * @param <G>        the groupware content type
 */
public record Step<C, G>(Kind kind, Optional<Link> link, Optional<SideItem<C>> crm, Optional<SideItem<G>> groupware,
                         Optional<Resolution> resolution, boolean lookUpFirst, String reason) {

    /** The kinds of step. */
    public enum Kind {
        /** A new (or re-created) CRM item gets a groupware copy. */
        CREATE_IN_GROUPWARE,
        /** A new (or re-created) groupware item gets a CRM copy and the link back. */
        CREATE_IN_CRM,
        /** The CRM changed: its content goes to the groupware. */
        UPDATE_GROUPWARE,
        /** The groupware changed: its content goes to the CRM. */
        UPDATE_CRM,
        /** Deleted in the CRM: the groupware copy goes. */
        DELETE_IN_GROUPWARE,
        /** Deleted in the groupware: the CRM copy goes. */
        DELETE_IN_CRM,
        /** Changed on both sides since the last run: the account's policy decides. */
        CONFLICT,
        /** Two unlinked items that belong together (an interrupted run, a re-read): linked again. */
        RELINK,
        /** A side's version moved without a change of the synchronised content: only the link is updated. */
        REFRESH_LINK,
        /** Gone on both sides: the link goes. */
        DROP_LINK,
        /**
         * Deleted in the groupware while the CRM keeps its item ({@link DeletionRule#UNLINK}, or an edited item under
         * {@link DeletionRule#DELETE_ELSE_DETACH}): the CRM item is detached and the link goes.
         */
        UNLINK_KEEP_CRM,
        /** Deleted in the CRM while the groupware keeps its item, likewise: the groupware item is detached. */
        UNLINK_KEEP_GROUPWARE,
        /** A delete the mass-delete guard stopped. */
        DELETE_STOPPED,
        /**
         * A side's item exists but cannot be read now (a half-written or broken file): neither side is written, the
         * link stays, and the pair is looked at again in the next run.
         */
        LEFT_ALONE,
        /**
         * The CRM item left this sync (its type or owner changed) but still exists: leaving is not deleting. The link
         * goes, the groupware item stays untouched (a meeting's attendees get no cancellation).
         */
        CRM_ITEM_LEFT,
        /** The groupware item left this sync (a filter no longer takes it): the link goes, the CRM item stays. */
        GROUPWARE_ITEM_LEFT,
        /**
         * The CRM merged the linked item into another one that has no link yet (the {@link #crm()} item): the
         * groupware item takes the survivor's content and is linked to it instead of being deleted.
         */
        FOLLOW_SURVIVOR
    }

    /** Which edit a conflict keeps. */
    public enum Resolution {
        /** The CRM's edit is written to the groupware. */
        CRM_WINS,
        /** The groupware's edit is written to the CRM. */
        GROUPWARE_WINS,
        /** The CRM's edit stays on the pair; the groupware's edit becomes a new CRM item. */
        KEEP_BOTH,
        /** The CRM's edit stays on the pair; the groupware's edit stays as a separate, unlinked groupware item. */
        KEEP_BOTH_AS_GROUPWARE_COPY
    }

    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(groupware, "groupware");
        Objects.requireNonNull(resolution, "resolution");
        reason = reason == null ? "" : reason;
    }

    /** The CRM id concerned, if any. */
    public Optional<String> crmId() {
        return crm.map(SideItem::id).or(() -> link.map(Link::crmId));
    }

    /** The groupware id concerned, if any. */
    public Optional<String> groupwareId() {
        return groupware.map(SideItem::id).or(() -> link.map(Link::groupwareId));
    }

    /** Identifies the step in a preview, to choose it for a run; stable as long as the items do not change. */
    public String key() {
        return kind + ":" + crmId().orElse("-") + ":" + groupwareId().orElse("-");
    }

    /** {@code TO_GROUPWARE}, {@code TO_CRM} or {@code LINK} (only the link store is written). */
    public String direction() {
        return switch (kind) {
            case CREATE_IN_GROUPWARE, UPDATE_GROUPWARE, DELETE_IN_GROUPWARE, FOLLOW_SURVIVOR -> "TO_GROUPWARE";
            case CREATE_IN_CRM, UPDATE_CRM, DELETE_IN_CRM -> "TO_CRM";
            case CONFLICT -> resolution.orElse(Resolution.CRM_WINS) == Resolution.GROUPWARE_WINS ? "TO_CRM" : "TO_GROUPWARE";
            default -> "LINK";
        };
    }

    /** {@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code CONFLICT} or {@code LINK}. */
    public String action() {
        return switch (kind) {
            case CREATE_IN_GROUPWARE, CREATE_IN_CRM -> "CREATE";
            case UPDATE_GROUPWARE, UPDATE_CRM, FOLLOW_SURVIVOR -> "UPDATE";
            case DELETE_IN_GROUPWARE, DELETE_IN_CRM, DROP_LINK, UNLINK_KEEP_CRM, UNLINK_KEEP_GROUPWARE,
                 DELETE_STOPPED -> "DELETE";
            case CONFLICT -> "CONFLICT";
            default -> "LINK";
        };
    }

    /** What identifies the items to a person. */
    public String label() {
        return crm.map(SideItem::label).filter(s -> !s.isBlank())
                .or(() -> groupware.map(SideItem::label).filter(s -> !s.isBlank()))
                .orElseGet(() -> crmId().map(id -> "CRM item " + id).orElseGet(() -> "groupware item "
                        + groupwareId().orElse("?")));
    }
}
