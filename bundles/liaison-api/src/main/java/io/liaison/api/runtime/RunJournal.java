package io.liaison.api.runtime;

import io.liaison.api.domain.SyncArea;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The journal of one running sync run: a module records every item it touched or could not handle. */
@ProviderType
public interface RunJournal {

    /**
     * Records what happened to one item.
     *
     * @param area    the area
     * @param item    what identifies the item to a person (file, subject, folder) — never a mail body
     * @param outcome created, updated, failed, …
     * @param message the reason or details, for failures and warnings; empty otherwise
     * @param crmId   the CRM id of the activity or contact created or changed, if any
     */
    void record(SyncArea area, String item, Outcome outcome, String message, Optional<String> crmId);
}
