package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Liaison's own table of linked CRM and groupware items, per account and scope. */
@ProviderType
public interface LinkStore {

    Optional<Link> byCrmId(AccountId account, String scope, String crmId);

    Optional<Link> byGroupwareId(AccountId account, String scope, String groupwareId);

    /** Every link of an account in a scope. */
    List<Link> list(AccountId account, String scope);

    /** Inserts or replaces the link of this CRM id (and groupware id) in its account and scope. */
    void save(Link link);

    /** Removes the link of this CRM id, if there is one. */
    void delete(AccountId account, String scope, String crmId);
}
