package io.liaison.sync.engine;

/**
 * What a deletion on one side does to the linked item on the other side (see {@link SyncRules}).
 */
public enum DeletionRule {
    /**
     * The other side's copy is deleted too; if it was edited since the last run, the edit wins and the deleted item
     * is created again (nothing edited is lost). The default.
     */
    DELETE_ELSE_RECREATE,
    /**
     * The other side's copy is deleted too unless its version moved since the last run (any edit, even to fields
     * that are not synchronised): then it is kept, detached from the deleted item ({@link SideStore#detach}), and
     * no longer synchronised.
     */
    DELETE_ELSE_DETACH,
    /**
     * The other side's item is never deleted: only the link goes, the item is detached and no longer synchronised
     * (a side that holds personal copies of the other side's records).
     */
    UNLINK
}
