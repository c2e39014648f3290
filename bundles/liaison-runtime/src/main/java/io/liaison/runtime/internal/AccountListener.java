package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;

/** Told by {@link DefaultAccountService} whenever an account is created, changed, blocked or removed. */
public interface AccountListener {

    /** The account as it is now (created, changed, enabled, disabled, blocked or unblocked). */
    void accountChanged(GroupwareAccount account);

    /**
     * An administrator entered new credentials for the account (told after {@link #accountChanged}): a blocked
     * account may run again, and need not wait one interval for it.
     */
    default void credentialsEntered(GroupwareAccount account) {
    }

    /**
     * Areas were switched off for the account (told after {@link #accountChanged}): what the modules remember for
     * them is to be forgotten.
     */
    default void areasRemoved(GroupwareAccount account, java.util.Set<io.liaison.api.domain.SyncArea> removed) {
    }

    /** The account is gone. */
    void accountRemoved(AccountId account);
}
