package io.liaison.shell.internal.mail;

import io.liaison.api.domain.AccountId;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.TextTable;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:mail-preview}: the first step of the spec's manual import: the mails waiting in the account's
 * import folders, each with the status it would get, its documents with their proposed category, and what keeps
 * it from being imported. Writes nothing.
 */
@Command(scope = "liaison", name = "mail-preview", description = "Lists the mails waiting in an account's import "
        + "folders with their documents, proposed categories and problems; imports nothing")
@Service
public class MailPreviewCommand extends LiaisonAction {
    static final String MAIL_IMPORT = "the mail import (feature liaison-mail-import)";

    @Reference(optional = true)
    MailImportService mailImport;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        MailImportService service = require(mailImport, MailImportService.class, MAIL_IMPORT);
        List<ImportCandidate> candidates = service.preview(AccountId.of(account.strip()));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", account.strip());
            m.put("editDocumentStep", service.isEditDocumentStepEnabled());
            m.put("candidates", candidates.stream().map(MailViews::candidate).toList());
            printJson(m);
            return;
        }
        if (candidates.isEmpty()) {
            out().println("No mails are waiting in the import folders of account " + account.strip() + ".");
            return;
        }
        out().println(candidates.size() + " mail(s) waiting; edit document step "
                + (service.isEditDocumentStepEnabled() ? "on" : "off"));
        TextTable table = new TextTable(60, "Message", "Folder", "Status", "Date", "From", "Subject", "Problems");
        for (ImportCandidate c : candidates) {
            table.row(c.messageId(), c.folder(), c.status().key(), Text.time(c.date(), zone), c.from(), c.subject(),
                    String.join("; ", c.problems()));
        }
        table.print(out());
        for (ImportCandidate c : candidates) {
            if (c.attachments().isEmpty()) {
                continue;
            }
            out().println(Text.clean(c.messageId()) + ":");
            for (AttachmentProposal a : c.attachments()) {
                out().println("  " + MailViews.documentLine(a));
            }
        }
    }
}
