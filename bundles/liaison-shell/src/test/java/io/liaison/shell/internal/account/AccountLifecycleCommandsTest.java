package io.liaison.shell.internal.account;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.shell.internal.FakeRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 25, point 3: the commands that change, disable, enable, reset and remove an account after its creation. */
class AccountLifecycleCommandsTest {
    FakeRuntime runtime = new FakeRuntime();
    GroupwareAccount account;

    @BeforeEach
    void account() {
        account = runtime.create(new AccountRequest(EmployeeId.of("e42"), "local",
                Map.of("root", "/srv/mail/jdoe", "importRoot", "Inbox/CRM"), true, Duration.ofMinutes(15),
                Set.of(SyncArea.MAILS), ConflictPolicy.CRM_WINS));
    }

    AccountSetCommand set() {
        AccountSetCommand c = new AccountSetCommand();
        c.accounts = runtime;
        c.account = account.id().value();
        return c;
    }

    @Test
    void setChangesWhatIsNamedAndKeepsTheRest() throws Exception {
        AccountSetCommand c = set();
        c.settings = List.of("root=/srv/mail/jdoe-new");
        c.unset = List.of("importRoot");
        c.autoSync = "off";
        c.interval = "30";
        c.areas = "mails,tasks";
        c.conflictPolicy = "newest-wins";

        String out = output(c);

        GroupwareAccount changed = runtime.get(account.id()).orElseThrow();
        assertThat(changed.settings()).isEqualTo(Map.of("root", "/srv/mail/jdoe-new"));
        assertThat(changed.autoSync()).isFalse();
        assertThat(changed.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(changed.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(changed.conflictPolicy()).isEqualTo(ConflictPolicy.NEWEST_WINS);
        assertThat(changed.employee()).isEqualTo(account.employee());
        assertThat(out).startsWith("Changed account " + account.id()).contains("auto-sync off");
    }

    @Test
    void setWithOneOptionKeepsEverythingElse() throws Exception {
        AccountSetCommand c = set();
        c.interval = "5";

        output(c);

        GroupwareAccount changed = runtime.get(account.id()).orElseThrow();
        assertThat(changed.settings()).isEqualTo(account.settings());
        assertThat(changed.areas()).isEqualTo(account.areas());
        assertThat(changed.autoSync()).isTrue();
        assertThat(changed.interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void setRefusesNothingToChangeUnknownSettingsAndBadValues() {
        assertThat(error(set())).contains("nothing to change");
        AccountSetCommand unset = set();
        unset.unset = List.of("nope");
        assertThat(error(unset)).contains("--unset nope").contains("no such setting");
        AccountSetCommand auto = set();
        auto.autoSync = "sometimes";
        assertThat(error(auto)).contains("--auto-sync").contains("on or off");
        AccountSetCommand unknown = set();
        unknown.account = "acc-404";
        unknown.interval = "5";
        assertThat(error(unknown)).contains("unknown account 'acc-404'");
        assertThat(runtime.get(account.id())).contains(account);
    }

    @Test
    void disableAndEnable() throws Exception {
        AccountDisableCommand off = new AccountDisableCommand();
        off.accounts = runtime;
        off.account = account.id().value();
        assertThat(output(off)).startsWith("Disabled account " + account.id());
        assertThat(runtime.get(account.id()).orElseThrow().state()).isEqualTo(AccountState.DISABLED);

        AccountEnableCommand on = new AccountEnableCommand();
        on.accounts = runtime;
        on.account = account.id().value();
        assertThat(json(on).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void removeNeedsYesAndSaysWhatItKeeps() throws Exception {
        AccountRemoveCommand c = new AccountRemoveCommand();
        c.accounts = runtime;
        c.account = account.id().value();
        assertThat(error(c)).contains("--yes");
        assertThat(runtime.get(account.id())).isPresent();

        c.yes = true;
        String out = output(c);

        assertThat(runtime.get(account.id())).isEmpty();
        assertThat(out).contains("credentials, links, marks and tokens").contains("journal keeps its runs")
                .contains("nothing in the groupware or the CRM was deleted");
    }

    @Test
    void resetForgetsTheSyncState() throws Exception {
        AccountResetCommand c = new AccountResetCommand();
        c.accounts = runtime;
        c.account = account.id().value();

        assertThat(output(c)).contains("forgot its links, marks and tokens");
        assertThat(runtime.resets).containsExactly(account.id());

        AccountResetCommand unknown = new AccountResetCommand();
        unknown.accounts = runtime;
        unknown.account = "acc-404";
        assertThat(error(unknown)).contains("acc-404");
    }
}
