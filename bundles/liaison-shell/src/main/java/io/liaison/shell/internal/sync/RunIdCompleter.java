package io.liaison.shell.internal.sync;

import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the newest sync runs. */
@Service
public class RunIdCompleter implements Completer {
    private static final int RECENT = 50;

    @Reference(optional = true)
    SyncJournal journal;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (journal == null) {
            return -1;
        }
        List<String> ids = journal.runs(Optional.empty(), RECENT).stream().map(SyncRun::id).toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
