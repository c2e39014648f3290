package io.liaison.rest.internal;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.GroupwarePreferencesService;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncService;

/**
 * The module services the resources stand on, each of which may be missing (its feature not installed); asking for a
 * missing one ends the request with a 503 "not installed" problem, so only the resources that need it fail.
 */
public interface Modules {
    AccountService accounts();

    SyncService sync();

    SyncJournal journal();

    HostCrm crm();

    GroupwarePreferencesService preferences();

    MailImportService mailImport();

    AddressResolver addresses();

    /** The service, or the 503 problem naming the module's feature. */
    static <S> S require(S service, String feature) {
        if (service == null) {
            throw ProblemException.notInstalled(feature);
        }
        return service;
    }
}
