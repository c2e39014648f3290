package io.liaison.api.crm;

import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The host CRM's employees. */
@ProviderType
public interface EmployeeDirectory {

    List<Employee> list();

    Optional<Employee> get(EmployeeId id);

    Optional<Employee> findByLogin(String login);
}
