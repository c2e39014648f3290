package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.EmployeeId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business partners and their e-mail domains ({@code crm_business_partner}, {@code crm_business_partner_domain}).
 * Domains are kept lower-case in a table of their own with an index, for the spec's "BPwithEmail" search.
 * Every employee sees every partner.
 */
final class JdbcBusinessPartnerDirectory implements BusinessPartnerDirectory {
    private final Jdbc jdbc;

    JdbcBusinessPartnerDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BusinessPartner> get(EmployeeId actor, BusinessPartnerId id) {
        Optional<Long> key = Ids.parse(id.value());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.read("read business partner " + id,
                tx -> load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", key.get())).stream().findFirst();
    }

    @Override
    public BusinessPartner create(EmployeeId actor, String name, List<String> emailDomains) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a business partner needs a name");
        }
        List<String> domains = normalise(emailDomains);
        return jdbc.write("create business partner '" + name + "'", tx -> {
            long id;
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO crm_business_partner (name, name_lower) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name.strip());
                ps.setString(2, name.strip().toLowerCase(Locale.ROOT));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong("id");
                }
            }
            insertDomains(tx, id, domains, 0);
            return load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", id).get(0);
        });
    }

    /**
     * Renames the partner, as the CRM's users do in its own screens. Each of its contact persons counts as changed
     * (new version, in the change feed): the partner's name is the company of their groupware contacts.
     */
    BusinessPartner rename(EmployeeId actor, BusinessPartnerId id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a business partner needs a name");
        }
        return jdbc.write("rename business partner " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            try (PreparedStatement ps = tx.prepare(
                    "UPDATE crm_business_partner SET name = ?, name_lower = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setString(2, name.strip().toLowerCase(Locale.ROOT));
                ps.setLong(3, key);
                if (ps.executeUpdate() == 0) {
                    throw notFound(id);
                }
            }
            JdbcContactPersonDirectory.partnerChanged(tx, actor, key);
            return load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", key).get(0);
        });
    }

    /** Its contact persons change with it (a new version each): the duplicate check reads their numbers anew. */
    @Override
    public BusinessPartner setCountry(EmployeeId actor, BusinessPartnerId id, String country) {
        String code = new BusinessPartner(id, "", List.of(), country).country();
        return jdbc.write("set the country of business partner " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            try (PreparedStatement ps = tx.prepare("UPDATE crm_business_partner SET country = ? WHERE id = ?")) {
                ps.setString(1, code.isEmpty() ? null : code);
                ps.setLong(2, key);
                if (ps.executeUpdate() == 0) {
                    throw notFound(id);
                }
            }
            JdbcContactPersonDirectory.partnerChanged(tx, actor, key);
            return load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", key).get(0);
        });
    }

    @Override
    public BusinessPartner addEmailDomains(EmployeeId actor, BusinessPartnerId id, List<String> emailDomains) {
        List<String> domains = normalise(emailDomains);
        return jdbc.write("add e-mail domains to business partner " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            List<BusinessPartner> found = load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", key);
            if (found.isEmpty()) {
                throw notFound(id);
            }
            Set<String> missing = new LinkedHashSet<>(domains);
            missing.removeAll(found.get(0).emailDomains());
            insertDomains(tx, key, List.copyOf(missing), found.get(0).emailDomains().size());
            return load(tx, "SELECT id, name, country FROM crm_business_partner WHERE id = ?", key).get(0);
        });
    }

    @Override
    public List<BusinessPartner> search(EmployeeId actor, String name, int limit) {
        requirePositive(limit);
        String part = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return jdbc.read("search business partners", tx -> load(tx,
                "SELECT id, name, country FROM crm_business_partner WHERE name_lower LIKE ? ESCAPE '\\' ORDER BY name_lower, id LIMIT ?",
                Jdbc.containsPattern(part), limit));
    }

    @Override
    public List<BusinessPartner> findByName(EmployeeId actor, String name) {
        String exact = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return jdbc.read("find business partners by name", tx -> load(tx,
                "SELECT id, name, country FROM crm_business_partner WHERE name_lower = ? ORDER BY id", exact));
    }

    @Override
    public List<BusinessPartner> findByEmailDomain(EmployeeId actor, String domain) {
        String exact = normaliseDomain(domain == null ? "" : domain);
        return jdbc.read("find business partners by e-mail domain", tx -> load(tx,
                "SELECT p.id, p.name, p.country FROM crm_business_partner p WHERE p.id IN "
                        + "(SELECT d.business_partner_id FROM crm_business_partner_domain d WHERE d.email_domain = ?) ORDER BY p.id",
                exact));
    }

    /** Whether a partner with this id exists (for assignments of activities and contact persons). */
    static boolean exists(Jdbc.Tx tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.prepare("SELECT 1 FROM crm_business_partner WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertDomains(Jdbc.Tx tx, long id, List<String> domains, int firstOrder) throws SQLException {
        if (domains.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare(
                "INSERT INTO crm_business_partner_domain (business_partner_id, email_domain, sort_order) VALUES (?, ?, ?)")) {
            int order = firstOrder;
            for (String d : domains) {
                ps.setLong(1, id);
                ps.setString(2, d);
                ps.setInt(3, order++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<BusinessPartner> load(Jdbc.Tx tx, String sql, Object... parameters) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, String> countries = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepare(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                    countries.put(rs.getLong(1), rs.getString(3));
                }
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> domains = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepare("SELECT business_partner_id, email_domain FROM crm_business_partner_domain "
                + "WHERE business_partner_id IN (" + Jdbc.placeholders(names.size()) + ") ORDER BY business_partner_id, sort_order")) {
            int i = 1;
            for (Long id : names.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    domains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<BusinessPartner> result = new ArrayList<>();
        names.forEach((id, name) -> result.add(new BusinessPartner(new BusinessPartnerId(Ids.format(id)), name,
                domains.getOrDefault(id, List.of()), countries.get(id))));
        return result;
    }

    /** Lower-case, without a leading {@code @} or surrounding blanks, without duplicates. */
    static List<String> normalise(List<String> domains) {
        Set<String> result = new LinkedHashSet<>();
        for (String d : domains) {
            String n = normaliseDomain(d);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("'" + d + "' is not an e-mail domain");
            }
            result.add(n);
        }
        return List.copyOf(result);
    }

    private static String normaliseDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("@") ? d.substring(1) : d;
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
    }

    private static CrmNotFoundException notFound(BusinessPartnerId id) {
        return new CrmNotFoundException("business partner " + id + " does not exist");
    }
}
