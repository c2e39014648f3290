package io.liaison.api.mailimport;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.SyncRun;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The spec's manual mail import in its two steps: what is waiting in the import folders, then the import
 * of the chosen messages. The automatic import runs the same way on the account's schedule.
 */
@ProviderType
public interface MailImportService {

    /** The messages waiting in the account's import folders, each with its problems; writes nothing. */
    List<ImportCandidate> preview(AccountId account);

    /** Imports the chosen messages as one journaled run, and moves each imported one to the archive folder. */
    SyncRun importMessages(AccountId account, ImportSelection selection);
}
