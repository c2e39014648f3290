package io.liaison.shell.internal.crm;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Employee;
import io.liaison.shell.internal.Employees;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code liaison:crm-import-contacts}: loads demo or test contact persons from a CSV file into the host CRM,
 * reporting each malformed line and loading the rest.
 */
@Command(scope = "liaison", name = "crm-import-contacts", description = "Loads contact persons from a CSV file "
        + "(header id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,mobile) into the "
        + "host CRM; loading it again updates instead of duplicating")
@Service
public class CrmImportContactsCommand extends LiaisonAction {

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "file", required = true, description = "The CSV file (UTF-8)")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--employee", aliases = "-e", description = "The employee the CRM calls act for "
            + "(CRM id or login; default: the CRM's first employee)")
    String employee;

    @Override
    protected void run() throws IOException {
        HostCrm crm = require(this.crm, HostCrm.class, CRM);
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new UserInputException("cannot read file '" + path + "': it is a directory");
        }
        if (!Files.isReadable(path)) {
            throw new UserInputException("cannot read file '" + path + "': no such file");
        }
        Employee actor = Employees.resolveOrFirst(crm.employees(), employee);
        ContactCsvReport report;
        // undecodable bytes become U+FFFD, which the parser reports for the line they are on
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            report = new ContactCsvLoader(crm).load(actor.id(), reader);
        } catch (UserInputException e) {
            throw new UserInputException("file '" + path + "', " + e.getMessage());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", path.toString());
            m.put("employee", actor.id().value());
            m.put("created", report.created());
            m.put("updated", report.updated());
            m.put("unchanged", report.unchanged());
            m.put("failed", report.failed());
            m.put("businessPartnersCreated", report.businessPartnersCreated());
            m.put("failures", report.failures().stream().map(f -> {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("line", f.line());
                fm.put("id", f.id());
                fm.put("reason", f.reason());
                return fm;
            }).toList());
            printJson(m);
            return;
        }
        out().println(summary(path, actor, report));
        report.failures().forEach(f -> out().println("  " + f));
    }

    static String summary(Path path, Employee actor, ContactCsvReport r) {
        return "Loaded " + path.getFileName() + " as employee " + actor.login() + ": " + r.created() + " created, "
                + r.updated() + " updated, " + r.unchanged() + " unchanged, " + r.failed() + " failed"
                + (r.businessPartnersCreated().isEmpty() ? ""
                : "; business partners created: " + String.join(", ", r.businessPartnersCreated()));
    }
}
