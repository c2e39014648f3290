package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The link store in the runtime's tables: one row per linked pair, unique per account and scope on the CRM
 * id and on the groupware id.
 */
@Component(service = LinkStore.class)
public class JdbcLinkStore implements LinkStore {
    private static final String SELECT = "SELECT account_id, scope, crm_id, crm_version, groupware_id,"
            + " groupware_version, content_hash, synced_at FROM liaison_links";

    private final DataSource dataSource;

    @Activate
    public JdbcLinkStore(@Reference RuntimeDatabase database) {
        this(database.dataSource());
    }

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    public JdbcLinkStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Link> byCrmId(AccountId account, String scope, String crmId) {
        return one(account, scope, "crm_id", crmId);
    }

    @Override
    public Optional<Link> byGroupwareId(AccountId account, String scope, String groupwareId) {
        return one(account, scope, "groupware_id", groupwareId);
    }

    @Override
    public List<Link> list(AccountId account, String scope) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        return Sql.query(dataSource, "listing the " + scope + " links of account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT
                    + " WHERE account_id = ? AND scope = ? ORDER BY crm_id")) {
                select.setString(1, account.value());
                select.setString(2, scope);
                return read(select);
            }
        });
    }

    @Override
    public void save(Link link) {
        Objects.requireNonNull(link, "link");
        Sql.transaction(dataSource, "saving the " + link.scope() + " link of CRM item " + link.crmId()
                + " for account " + link.account(), c -> {
            // replaces whatever was linked to either id before: a pair is unique on both sides
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_links WHERE account_id = ?"
                    + " AND scope = ? AND (crm_id = ? OR groupware_id = ?)")) {
                delete.setString(1, link.account().value());
                delete.setString(2, link.scope());
                delete.setString(3, link.crmId());
                delete.setString(4, link.groupwareId());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_links (account_id, scope, crm_id,"
                    + " crm_version, groupware_id, groupware_version, content_hash, synced_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, link.account().value());
                insert.setString(2, link.scope());
                insert.setString(3, link.crmId());
                insert.setString(4, link.crmVersion());
                insert.setString(5, link.groupwareId());
                insert.setString(6, link.groupwareVersion());
                insert.setString(7, link.contentHash());
                Sql.setInstant(insert, 8, link.syncedAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void delete(AccountId account, String scope, String crmId) {
        Objects.requireNonNull(account, "account");
        Sql.query(dataSource, "deleting the " + scope + " link of CRM item " + crmId + " for account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM liaison_links WHERE account_id = ? AND scope = ? AND crm_id = ?")) {
                delete.setString(1, account.value());
                delete.setString(2, scope);
                delete.setString(3, crmId);
                return delete.executeUpdate();
            }
        });
    }

    private Optional<Link> one(AccountId account, String scope, String column, String id) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, column);
        return Sql.query(dataSource, "reading the " + scope + " link of " + id + " for account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT
                    + " WHERE account_id = ? AND scope = ? AND " + column + " = ?")) {
                select.setString(1, account.value());
                select.setString(2, scope);
                select.setString(3, id);
                return read(select).stream().findFirst();
            }
        });
    }

    private static List<Link> read(PreparedStatement select) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                links.add(new Link(AccountId.of(row.getString("account_id")), row.getString("scope"),
                        row.getString("crm_id"), row.getString("crm_version"), row.getString("groupware_id"),
                        row.getString("groupware_version"), row.getString("content_hash"),
                        Sql.requiredInstant(row, "synced_at")));
            }
        }
        return links;
    }
}
