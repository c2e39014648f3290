package io.liaison.activitysync.internal;

import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.SyncArea;
import java.util.Optional;
import java.util.Set;

/**
 * The two areas this module serves: which CRM activity types each synchronises, and the names of its links and
 * change-feed tokens. Follow-ups are tasks (see MAPPING.md for why).
 */
enum ActivityArea {
    APPOINTMENTS(SyncArea.APPOINTMENTS, Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING),
            GroupwareEntryKind.APPOINTMENT, "events"),
    TASKS(SyncArea.TASKS, Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP), GroupwareEntryKind.TASK, "tasks");

    final SyncArea syncArea;
    final Set<ActivityType> types;
    final GroupwareEntryKind kind;
    private final String groupwareFeed;

    ActivityArea(SyncArea syncArea, Set<ActivityType> types, GroupwareEntryKind kind, String groupwareFeed) {
        this.syncArea = syncArea;
        this.types = types;
        this.kind = kind;
        this.groupwareFeed = groupwareFeed;
    }

    /** The link store scope. */
    String linkScope() {
        return syncArea.name();
    }

    String crmTokenScope() {
        return "crm-activities:" + syncArea.name();
    }

    String groupwareTokenScope() {
        return groupwareFeed;
    }

    static Optional<ActivityArea> of(SyncArea area) {
        for (ActivityArea a : values()) {
            if (a.syncArea == area) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static ActivityArea of(GroupwareEntryKind kind) {
        return kind == GroupwareEntryKind.TASK ? TASKS : APPOINTMENTS;
    }

    /** The area whose own types include this one, if any. */
    static Optional<ActivityArea> ofType(ActivityType type) {
        for (ActivityArea a : values()) {
            if (a.types.contains(type)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
