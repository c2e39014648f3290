package io.liaison.sync.engine;

import java.util.Objects;

/**
 * A consumer's rules for the parts of a synchronisation that depend on what the items are; {@link #DEFAULT} is
 * the symmetric behaviour (deletions go both ways, an edit beats a deletion, a keep-both conflict makes a CRM
 * item of the groupware's edit).
 *
 * @param whenCrmDeletes       what an item deleted in the CRM does to its groupware copy
 * @param whenGroupwareDeletes what an item deleted in the groupware does to its CRM copy
 * @param keepBoth             where a {@link io.liaison.api.domain.ConflictPolicy#KEEP_BOTH} conflict keeps the
 *                             groupware's edit
 * @param lookUpNamedPartners  whether an unlinked item that names an unlinked item of the other side (the CRM id a
 *                             groupware item carries) which the other side's feed did not report is looked up,
 *                             so that the two are linked again ({@link Step.Kind#RELINK}, the CRM's content kept)
 *                             rather than the other side's item being overwritten; for items written outside the
 *                             runs (an export interrupted before its link was stored)
 * @param journalRefreshes     whether a pair whose versions moved without a change of the synchronised content is
 *                             journaled ({@code UNCHANGED}, with the reason)
 */
public record SyncRules(DeletionRule whenCrmDeletes, DeletionRule whenGroupwareDeletes, KeepBoth keepBoth,
                        boolean lookUpNamedPartners, boolean journalRefreshes) {

    /** Where a keep-both conflict keeps the groupware's edit (the CRM's version always stays on the pair). */
    public enum KeepBoth {
        /** As a new CRM item, which reaches the groupware as an item of its own. The default. */
        NEW_CRM_ITEM,
        /**
         * As a separate, unlinked groupware item ({@link SideStore#keepCopy}), which the synchronisation leaves
         * alone (a consumer offers it in some other way, e.g. an import).
         */
        GROUPWARE_COPY
    }

    /** The symmetric default rules. */
    public static final SyncRules DEFAULT = new SyncRules(DeletionRule.DELETE_ELSE_RECREATE,
            DeletionRule.DELETE_ELSE_RECREATE, KeepBoth.NEW_CRM_ITEM, false, false);

    public SyncRules {
        Objects.requireNonNull(whenCrmDeletes, "whenCrmDeletes");
        Objects.requireNonNull(whenGroupwareDeletes, "whenGroupwareDeletes");
        Objects.requireNonNull(keepBoth, "keepBoth");
    }
}
