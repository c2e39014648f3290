package io.liaison.api.mailimport;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.SyncRun;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
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

    /**
     * The stored original of an imported mail (the spec's "open the joined e-mail"): the {@code .eml} or {@code .msg}
     * document the import attached first; open it with {@link io.liaison.api.crm.DocumentStore#open}. Empty when the
     * activity is no imported mail or has no original (deleted by a person), and for another employee's private
     * activity.
     *
     * @throws io.liaison.api.crm.CrmNotFoundException when there is no such activity
     * @since 1.1
     */
    default Optional<Document> original(EmployeeId actor, ActivityId activity) {
        return Optional.empty();
    }

    /** Whether the "Edit document" step (category and keywords per attachment) is switched on by the administrator. */
    boolean isEditDocumentStepEnabled();
}
