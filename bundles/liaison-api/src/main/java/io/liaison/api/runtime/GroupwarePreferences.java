package io.liaison.api.runtime;

import io.liaison.api.domain.SyncArea;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An employee's groupware preferences, the spec's "User preferences / Groupware": which areas the manual
 * synchronisation wizard selects on its first page, whether its result shows only the activities of the current
 * import, and whether opening an activity window synchronises first.
 *
 * @param wizardAreas the areas the wizard selects by default ("By default, only emails are imported"); never empty
 * @param onlyCurrentImport the result shows only the current import's activities ("By default, only activities of
 *        the current import are displayed")
 * @param syncOnOpen opening an activity window synchronises it first; inactive while the employee's automatic
 *        synchronisation is on (see {@link GroupwarePreferencesService#syncOnOpenActive})
 * @since 1.4
 */
public record GroupwarePreferences(Set<SyncArea> wizardAreas, boolean onlyCurrentImport, boolean syncOnOpen) {

    /** What an employee who never chose has: mails only, the current import only, no synchronisation on opening. */
    public static final GroupwarePreferences DEFAULTS =
            new GroupwarePreferences(EnumSet.of(SyncArea.MAILS), true, false);

    public GroupwarePreferences {
        Objects.requireNonNull(wizardAreas, "wizardAreas");
        if (wizardAreas.isEmpty()) {
            throw new IllegalArgumentException("wizardAreas: the wizard needs at least one area selected");
        }
        wizardAreas = Set.copyOf(EnumSet.copyOf(wizardAreas));
    }
}
