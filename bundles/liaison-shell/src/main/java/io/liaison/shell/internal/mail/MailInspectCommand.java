package io.liaison.shell.internal.mail;

import io.liaison.api.connector.RawMessage;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.Employee;
import io.liaison.api.mailimport.AttachmentProposal;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.mailimport.MessageInspection;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code liaison:mail-inspect}: parses one {@code .eml} or {@code .msg} file and prints what the import would
 * create (fields, documents with type, category and keywords, the sender's assignment, problems), writing nothing.
 */
@Command(scope = "liaison", name = "mail-inspect", description = "Shows what importing an .eml or .msg file would "
        + "create, without writing anything")
@Service
public class MailInspectCommand extends LiaisonAction {

    @Reference(optional = true)
    MailImportService mailImport;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "file", required = true, description = "The .eml or .msg file")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--employee", description = "The employee to resolve the sender for (default: the CRM's first)")
    String employee;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() throws IOException {
        MailImportService service = require(mailImport, MailImportService.class, MailPreviewCommand.MAIL_IMPORT);
        Employee actor = Employees.resolveOrFirst(require(crm, HostCrm.class, CRM).employees(), employee);
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UserInputException("cannot read file '" + file + "': no such readable file");
        }
        String name = path.getFileName().toString();
        String mediaType = name.toLowerCase(Locale.ROOT).endsWith(".msg") ? RawMessage.OUTLOOK : RawMessage.MIME;
        MessageInspection inspection;
        try (InputStream in = Files.newInputStream(path)) {
            inspection = service.inspect(actor.id(), in, mediaType, name);
        }
        if (json) {
            printJson(MailViews.inspection(path.toString(), inspection));
            return;
        }
        out().println("File:        " + Text.clean(path.toString()));
        out().println("Source key:  " + Text.clean(inspection.sourceKey()));
        if (inspection.activity().isPresent()) {
            ActivityData a = inspection.activity().get();
            out().println("Activity:    " + a.type().key() + ", status " + a.status().key());
            out().println("Subject:     " + Text.clean(a.subject()));
            out().println("Date:        " + Text.time(a.start(), zone));
            a.mail().ifPresent(m -> {
                out().println("From:        " + Text.clean(m.fromName().isEmpty() ? m.from() : m.fromName() + " <" + m.from() + ">"));
                out().println("To:          " + Text.clean(String.join(", ", m.to())));
                if (!m.cc().isEmpty()) {
                    out().println("Cc:          " + Text.clean(String.join(", ", m.cc())));
                }
            });
            out().println("Body:        " + a.text().length() + " characters of text" + (a.html().isEmpty() ? "" : ", HTML"));
        }
        out().println("Assignment:  " + Text.clean(inspection.assignment()));
        out().println("Embedded:    " + inspection.embedded() + " attached message(s)");
        out().println("Documents:");
        for (AttachmentProposal d : inspection.attachments()) {
            out().println("  " + MailViews.documentLine(d));
        }
        if (!inspection.problems().isEmpty()) {
            out().println("Problems:");
            inspection.problems().forEach(p -> out().println("  " + Text.clean(p)));
        }
    }
}
