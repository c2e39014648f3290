package io.liaison.shell.internal.account;

import io.liaison.api.runtime.AccountService;
import io.liaison.shell.internal.LiaisonAction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:vault-rekey}: rotates the credentials vault's key; every account's credentials are re-encrypted
 * with a new key in one transaction and the old key is dropped. Prints the new key's fingerprint, never the key.
 */
@Command(scope = "liaison", name = "vault-rekey", description = "Rotates the key of the credentials vault: every "
        + "account's credentials are re-encrypted with a new key in one transaction, then the new key replaces the "
        + "old key file (back it up again)")
@Service
public class VaultRekeyCommand extends LiaisonAction {

    @Reference(optional = true)
    AccountService accounts;

    @Override
    protected void run() {
        AccountService accounts = require(this.accounts, AccountService.class, RUNTIME);
        String fingerprint = accounts.rekeyVault();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyFingerprint", fingerprint);
            printJson(m);
        } else {
            out().println("Vault key rotated: every stored credential is re-encrypted with key " + fingerprint
                    + "; back up the new key file");
        }
    }
}
