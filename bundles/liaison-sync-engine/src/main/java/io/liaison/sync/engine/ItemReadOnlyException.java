package io.liaison.sync.engine;

/**
 * A side adapter's answer when it keeps its item as it is and takes no changes from the other side (a meeting that
 * its owner does not organise: only its organizer may change it for everyone). Not a failure and not a conflict: the
 * pair stays linked, the other side keeps its edit to itself, and this side's own changes still travel.
 */
public class ItemReadOnlyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SideItem<?> item;

    /**
     * @param reason why, for the journal (e.g. "organised by zoe@partner.example: CRM changes stay in the CRM")
     * @param item   the item as it is now
     */
    public ItemReadOnlyException(String reason, SideItem<?> item) {
        super(reason);
        this.item = java.util.Objects.requireNonNull(item, "item");
    }

    /** The item as it is now. */
    @SuppressWarnings("unchecked")
    public <T> SideItem<T> item() {
        return (SideItem<T>) item;
    }
}
