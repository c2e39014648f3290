package io.liaison.shell.internal.mail;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Classification;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.SyncRun;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import io.liaison.shell.internal.account.AccountIdCompleter;
import io.liaison.shell.internal.sync.RunText;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:mail-import}: the second step of the manual import: imports the chosen mails (or all that
 * have no problems) as one journaled run, with categories set per document when the administrator allows the
 * "edit document" step.
 */
@Command(scope = "liaison", name = "mail-import", description = "Imports the chosen mails of an account's import "
        + "folders (all when none is named) and prints the run's summary")
@Service
public class MailImportCommand extends LiaisonAction {

    @Reference(optional = true)
    MailImportService mailImport;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Argument(index = 1, name = "messages", multiValued = true,
            description = "Message ids from liaison:mail-preview; none for every mail without problems")
    List<String> messages;

    @Option(name = "--document", multiValued = true, description = "MESSAGE_ID/FILE_NAME=CATEGORY[:KEYWORD;KEYWORD]: "
            + "the category and keywords of one document (the edit document step)")
    List<String> documents;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        MailImportService service = require(mailImport, MailImportService.class, MailPreviewCommand.MAIL_IMPORT);
        Map<String, Map<String, Classification>> classifications = classifications(documents);
        if (!classifications.isEmpty() && !service.isEditDocumentStepEnabled()) {
            throw new UserInputException("--document is not allowed: the administrator switched the edit document "
                    + "step off");
        }
        SyncRun run = service.importMessages(AccountId.of(account.strip()),
                new ImportSelection(messages == null ? List.of() : messages, classifications));
        if (json) {
            printJson(JsonViews.run(run));
        } else {
            RunText.summary(run, zone, out());
        }
    }

    /** Parses {@code MESSAGE_ID/FILE_NAME=CATEGORY[:KW;KW]}; message ids may hold '/', so the last one splits. */
    static Map<String, Map<String, Classification>> classifications(List<String> values) {
        Map<String, Map<String, Classification>> result = new HashMap<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            int eq = value.indexOf('=');
            int slash = eq < 0 ? -1 : value.lastIndexOf('/', eq);
            if (eq < 0 || slash <= 0 || slash == eq - 1) {
                throw new UserInputException("bad --document '" + value + "': expected MESSAGE_ID/FILE_NAME=CATEGORY"
                        + "[:KEYWORD;KEYWORD]");
            }
            String message = value.substring(0, slash);
            String file = value.substring(slash + 1, eq);
            String rest = value.substring(eq + 1);
            int colon = rest.indexOf(':');
            String category = (colon < 0 ? rest : rest.substring(0, colon)).strip();
            List<String> keywords = colon < 0 ? List.of() : Arrays.stream(rest.substring(colon + 1).split(";"))
                    .map(String::strip).filter(k -> !k.isEmpty()).toList();
            result.computeIfAbsent(message, m -> new HashMap<>()).put(file, new Classification(category, keywords));
        }
        return result;
    }
}
