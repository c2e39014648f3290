package io.liaison.shell.internal.mail;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.Employee;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code liaison:mail-original}: the stored original of an imported mail (the spec's "open the joined e-mail"): its
 * name, type and size, and with {@code --out} the file itself, written as the {@code .eml} or {@code .msg} it was.
 */
@Command(scope = "liaison", name = "mail-original", description = "Shows the stored original of an imported mail, "
        + "or writes it to a file")
@Service
public class MailOriginalCommand extends LiaisonAction {

    @Reference(optional = true)
    MailImportService mailImport;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "activity", required = true, description = "The id of the mail's activity")
    String activity;

    @Option(name = "--out", description = "Write the original to this file (an existing file is not overwritten "
            + "without --force)")
    @Completion(FileCompleter.class)
    String outFile;

    @Option(name = "--force", description = "Overwrite the --out file if it exists")
    boolean force;

    @Option(name = "--employee", description = "The employee who opens it (default: the CRM's first)")
    String employee;

    @Override
    protected void run() throws IOException {
        MailImportService service = require(mailImport, MailImportService.class, MailPreviewCommand.MAIL_IMPORT);
        HostCrm host = require(crm, HostCrm.class, CRM);
        Employee actor = Employees.resolveOrFirst(host.employees(), employee);
        ActivityId id = ActivityId.of(activity.strip());
        Document original = service.original(actor.id(), id).orElseThrow(() -> new UserInputException(
                "activity " + id.value() + " has no stored original mail (not an imported mail, or its original was "
                        + "deleted)"));
        Path target = outFile == null ? null : Path.of(outFile).toAbsolutePath().normalize();
        if (target != null) {
            try (InputStream in = host.documents().open(actor.id(), original.id())) {
                if (force) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.copy(in, target);
                }
            } catch (FileAlreadyExistsException e) {
                throw new UserInputException("file '" + target + "' exists; --force overwrites it");
            }
        }
        if (json) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("activity", id.value());
            view.put("document", original.id().value());
            view.put("fileName", original.fileName());
            view.put("mediaType", original.mediaType());
            view.put("size", original.size());
            if (target != null) {
                view.put("writtenTo", target.toString());
            }
            printJson(view);
            return;
        }
        out().println("Original:  " + Text.clean(original.fileName()) + " (" + original.mediaType() + ", "
                + original.size() + " bytes, document " + original.id().value() + ")");
        if (target != null) {
            out().println("Written to " + Text.clean(target.toString()));
        }
    }
}
