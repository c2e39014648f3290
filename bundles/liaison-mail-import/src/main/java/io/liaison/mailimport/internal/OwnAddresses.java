package io.liaison.mailimport.internal;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The employee's own e-mail addresses: the one the CRM knows, and the mailbox addresses of the account (its setting
 * {@value #MAILBOX_SETTING}, comma-separated, as the connectors read it). A mail from one of them is one the employee
 * sent; an address in one of their domains is a colleague's, never the customer the mail is about.
 *
 * @param addresses lower-case addresses
 */
record OwnAddresses(Set<String> addresses) {
    /** The account setting the connectors use for the mailbox owner's addresses. */
    static final String MAILBOX_SETTING = "mailbox";

    OwnAddresses {
        addresses = Set.copyOf(addresses);
    }

    static OwnAddresses of(HostCrm crm, EmployeeId employee, Map<String, String> accountSettings) {
        Set<String> own = new LinkedHashSet<>();
        crm.employees().get(employee).map(Employee::email).ifPresent(own::add);
        String mailbox = accountSettings.getOrDefault(MAILBOX_SETTING, "");
        own.addAll(List.of(mailbox.split(",")));
        return new OwnAddresses(own.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.indexOf('@') > 0).collect(java.util.stream.Collectors.toSet()));
    }

    boolean isOwn(String address) {
        return address != null && addresses.contains(address.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the address is in one of the employee's own domains (the own company), their own ones included. */
    boolean isOwnCompany(String address) {
        String domain = domain(address);
        return !domain.isEmpty() && addresses.stream().map(OwnAddresses::domain).anyMatch(domain::equals);
    }

    /** The first recipient outside the own company: who a sent mail is about. */
    Optional<String> firstExternal(List<String> to, List<String> cc) {
        return Stream.concat(to.stream(), cc.stream()).filter(a -> !a.isBlank() && !isOwnCompany(a)).findFirst();
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
