package io.liaison.api.runtime;

import io.liaison.api.domain.EmployeeId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Employees' groupware preferences, kept per employee by the runtime, for the manual synchronisation wizard and the
 * CRM's activity window.
 *
 * @since 1.4
 */
@ProviderType
public interface GroupwarePreferencesService {

    /** The employee's preferences; {@link GroupwarePreferences#DEFAULTS} when they never chose. */
    GroupwarePreferences get(EmployeeId employee);

    /** Stores the employee's preferences (replacing what they chose before) and returns them. */
    GroupwarePreferences set(EmployeeId employee, GroupwarePreferences preferences);

    /**
     * Whether opening an activity window should synchronise first: the employee chose it and none of their groupware
     * accounts synchronises automatically (the spec: with automatic synchronisation on, the option is inactive).
     */
    boolean syncOnOpenActive(EmployeeId employee);
}
