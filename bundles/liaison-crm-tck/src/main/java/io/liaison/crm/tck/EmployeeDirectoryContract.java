package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import org.junit.jupiter.api.Test;

/** The employee directory: the fixture's employees can be listed, read and found by login. */
public abstract class EmployeeDirectoryContract extends ContractSupport {

    @Test
    void listsTheFixturesEmployee() {
        assertThat(crm().employees().list()).extracting(Employee::id).contains(me());
    }

    @Test
    void getsAnEmployeeById() {
        Employee e = crm().employees().get(me()).orElseThrow();
        assertThat(e.id()).isEqualTo(me());
        assertThat(e.login()).isNotBlank();
        assertThat(crm().employees().list()).contains(e);
    }

    @Test
    void findsAnEmployeeByLogin() {
        Employee e = crm().employees().get(me()).orElseThrow();
        assertThat(crm().employees().findByLogin(e.login())).contains(e);
    }

    @Test
    void unknownEmployeesAreAbsent() {
        assertThat(crm().employees().get(EmployeeId.of(CrmTestData.unique("nobody")))).isEmpty();
        assertThat(crm().employees().findByLogin(CrmTestData.unique("nobody"))).isEmpty();
    }

    @Test
    void theSecondEmployeeIsAnotherOne() {
        EmployeeId other = someoneElse();
        assertThat(other).isNotEqualTo(me());
        assertThat(crm().employees().get(other)).isPresent();
    }
}
