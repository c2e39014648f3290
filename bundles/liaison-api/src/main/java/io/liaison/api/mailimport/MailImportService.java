package io.liaison.api.mailimport;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.SyncRun;
import java.io.InputStream;
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

    /**
     * Parses one message and says what its import would create for the employee, writing nothing.
     *
     * @param raw       the message; read to the end, not closed
     * @param mediaType {@code message/rfc822} or {@code application/vnd.ms-outlook}
     * @param name      the file name, for messages to people
     */
    MessageInspection inspect(EmployeeId actor, InputStream raw, String mediaType, String name);

    /** Whether the "Edit document" step (category and keywords per attachment) is switched on by the administrator. */
    boolean isEditDocumentStepEnabled();
}
