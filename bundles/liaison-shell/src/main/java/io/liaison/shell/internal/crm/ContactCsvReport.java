package io.liaison.shell.internal.crm;

import java.util.List;

/**
 * What loading a contact CSV file did.
 *
 * @param created                  contact persons created
 * @param updated                  contact persons whose data the file changed
 * @param unchanged                contact persons the file already matched
 * @param failures                 lines that could not be loaded, with the reason, in file order
 * @param businessPartnersCreated  names of the business partners created for the file
 */
public record ContactCsvReport(int created, int updated, int unchanged, List<RowFailure> failures,
                               List<String> businessPartnersCreated) {
    public ContactCsvReport {
        failures = List.copyOf(failures);
        businessPartnersCreated = List.copyOf(businessPartnersCreated);
    }

    public int failed() {
        return failures.size();
    }
}
