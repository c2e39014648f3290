package io.liaison.crm.embedded.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the changes a CRM announces, and whether each was already visible to other readers when announced. */
final class RecordingListener implements CrmChangeListener {
    /** A change and whether a read on another connection saw its result at the time. */
    record Seen(CrmChange change, boolean committed) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Predicate<CrmChange> visible = c -> true;

    /** How to check, at announcement time, that a change is visible (set once the CRM exists). */
    void checkVisibilityWith(Predicate<CrmChange> check) {
        this.visible = check;
    }

    @Override
    public void changed(CrmChange change) {
        seen.add(new Seen(change, visible.test(change)));
    }

    /** What was announced about one item (ids of activities and contact persons may coincide). */
    List<Seen> about(String topic, String id) {
        return seen.stream().filter(s -> s.change().topic().equals(topic) && s.change().id().equals(id)).toList();
    }
}
