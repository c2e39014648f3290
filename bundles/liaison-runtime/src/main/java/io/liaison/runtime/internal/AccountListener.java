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

    /** The account is gone. */
    void accountRemoved(AccountId account);
}
