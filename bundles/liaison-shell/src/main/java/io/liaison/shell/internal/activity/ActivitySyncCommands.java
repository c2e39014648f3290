package io.liaison.shell.internal.activity;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.shell.internal.Arguments;
import io.liaison.shell.internal.UserInputException;
import java.util.EnumSet;
import java.util.Set;

/** What the activity-sync commands share: the feature to name when the service is missing, and the areas. */
public final class ActivitySyncCommands {
    public static final String ACTIVITY_SYNC = "the activity sync (feature liaison-activity-sync)";

    /** The areas the activity sync serves. */
    public static final Set<SyncArea> ACTIVITY_AREAS = EnumSet.of(SyncArea.APPOINTMENTS, SyncArea.TASKS);

    private ActivitySyncCommands() {
    }

    /**
     * The activity areas to run: those named by {@code --areas}, or the account's own activity areas.
     *
     * @throws UserInputException when a named area is not an activity area, or when the account has none
     */
    public static Set<SyncArea> activityAreas(GroupwareAccount account, String option) {
        if (option != null) {
            Set<SyncArea> named = Arguments.areas("--areas", option);
            for (SyncArea area : named) {
                if (!ACTIVITY_AREAS.contains(area)) {
                    throw new UserInputException("--areas: " + area + " is not synchronised by the activity sync "
                            + "(it serves " + ACTIVITY_AREAS + ")");
                }
            }
            return named;
        }
        Set<SyncArea> own = EnumSet.noneOf(SyncArea.class);
        own.addAll(account.areas());
        own.retainAll(ACTIVITY_AREAS);
        if (own.isEmpty()) {
            throw new UserInputException("account " + account.id() + " synchronises neither APPOINTMENTS nor TASKS; "
                    + "name the areas with --areas");
        }
        return own;
    }
}
