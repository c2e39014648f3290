package io.liaison.shell.internal;

import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.ConnectorUnavailableException;
import io.liaison.api.runtime.PasswordBlockedException;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.CommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every {@code liaison:*} command: the shared {@code --json} option, the output stream, and the
 * one place that turns what went wrong into a one-line {@code Error: ...} instead of a stack trace.
 *
 * <p>Karaf prints a thrown {@link CommandException} by its "nice help" text and logs it at debug level only;
 * any other exception is printed as {@code Error executing command: ...} and logged as an error with its
 * stack trace. So expected failures (bad arguments, unknown items, a blocked account) become a
 * {@code CommandException} whose help text is {@code Error: <reason>} and whose message is the reason alone,
 * which is what a script calling {@code Session.execute} sees.
 *
 * <p>Every service reference of a command is optional: Karaf registers a bundle's commands only when the
 * mandatory references of all of them are satisfied, so one missing service (the runtime, the host CRM, a
 * later module's service) would otherwise hide every command of the bundle. A command checks with
 * {@link #require} instead and says which service is missing.
 */
public abstract class LiaisonAction implements Action {
    private static final Logger LOG = LoggerFactory.getLogger(LiaisonAction.class);

    @Option(name = "--json", description = "Print machine-readable JSON instead of text")
    protected boolean json;

    /** Where output goes; {@code System.out} (which Karaf routes to the session) unless a test sets it. */
    protected PrintStream out;

    @Override
    public final Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (CommandException e) {
            throw e;
        } catch (UserInputException | AccountNotFoundException | CrmNotFoundException | PasswordBlockedException
                 | SyncAlreadyRunningException | ConnectorUnavailableException | IllegalArgumentException e) {
            throw failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (CrmException e) {
            throw failure("the CRM refused: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Command {} failed", getClass().getSimpleName(), e);
            throw failure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (details in the log)");
        }
    }

    /** What the command does; throws {@link UserInputException} for anything the user must fix. */
    protected abstract void run() throws Exception;

    /** The stream to print to. */
    protected PrintStream out() {
        return out != null ? out : System.out;
    }

    /** Prints a value as one line of JSON. */
    protected void printJson(Object value) {
        out().println(JsonWriter.write(value));
    }

    /**
     * The service, or a failure naming what to install when it is absent.
     *
     * @param service the injected reference, null when no such service is registered
     * @param what    what provides it, e.g. {@code the Liaison runtime (feature liaison-runtime)}
     */
    protected static <T> T require(T service, Class<T> type, String what) {
        if (service == null) {
            throw new UserInputException("no " + type.getSimpleName() + " service is available: " + what
                    + " is not running");
        }
        return service;
    }

    /** What provides the runtime's services, for {@link #require}. */
    protected static final String RUNTIME = "the Liaison runtime (feature liaison-runtime)";
    /** What provides the host CRM, for {@link #require}. */
    protected static final String CRM = "a host CRM (feature liaison-crm-embedded or the CRM vendor's bundle)";

    /** A failure Karaf shows as the single line {@code Error: <reason>}. */
    public static CommandException failure(String reason) {
        String line = Text.oneLine(reason);
        return new CommandException("Error: " + line, line);
    }
}
