package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs Graph calls for one account and turns Graph's errors into the SPI's: 404 is {@link ItemNotFoundException},
 * 412 (a stale change key) is {@link VersionConflictException}, 410 on a delta link is {@link DeltaExpired},
 * everything else a {@link ConnectorException} that names the account, the item and Graph's error code.
 */
final class GraphCalls {

    /** Graph's codes for a delta token it no longer knows. */
    private static final Set<String> EXPIRED_DELTA = Set.of("syncstatenotfound", "resyncrequired", "syncstateinvalid");

    private final String account;

    GraphCalls(String account) {
        this.account = account;
    }

    String account() {
        return account;
    }

    /** Runs a call; {@code what} names the item for error messages, e.g. "event AAMk…". */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectorException e) {
            throw e;
        } catch (ApiException e) {
            throw translate(what, e);
        } catch (RuntimeException e) {
            Optional<ConnectorException> ours = cause(e, ConnectorException.class);
            if (ours.isPresent()) {
                throw ours.get();
            }
            throw new ConnectorException(account + ": " + what + ": " + e, e);
        }
    }

    /** Runs a call that returns nothing. */
    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** The call's result, or empty when Graph answers 404. */
    <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(what, call));
        } catch (ItemNotFoundException e) {
            return Optional.empty();
        }
    }

    ConnectorException translate(String what, ApiException e) {
        int status = e.getResponseStatusCode();
        String code = e instanceof ODataError o && o.getError() != null && o.getError().getCode() != null
                ? o.getError().getCode() : "";
        String message = account + ": " + what + ": HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if (status == 404 || "ErrorItemNotFound".equalsIgnoreCase(code) || "ErrorInvalidIdMalformed".equalsIgnoreCase(code)) {
            return new ItemNotFoundException(account + ": " + what + " is not there (any more)", e);
        }
        if (status == 412 || "ErrorIrresolvableConflict".equalsIgnoreCase(code)) {
            return new VersionConflictException(account + ": " + what + " was changed meanwhile (HTTP " + status + ")", e);
        }
        if (status == 410 || EXPIRED_DELTA.contains(code.toLowerCase(Locale.ROOT))) {
            return new DeltaExpired(message, e);
        }
        String text = e instanceof ODataError o && o.getError() != null && o.getError().getMessage() != null
                ? o.getError().getMessage() : "";
        if (status == 429 && "ApplicationThrottled".equalsIgnoreCase(code) && text.contains("MailboxConcurrency")) {
            // Liaison keeps its own requests within the limit (MailboxGate): the others come from elsewhere
            return new ConnectorException(message + " (over the mailbox's limit of " + MailboxGate.MAX_IN_FLIGHT
                    + " concurrent requests per app, MailboxConcurrency: another program signed in with the same app "
                    + "registration is working on this mailbox)", e);
        }
        return new ConnectorException(message, e);
    }

    /**
     * Follows a delta query through every {@code @odata.nextLink} to its {@code @odata.deltaLink}.
     *
     * @param first  the first page (a fresh query, or the stored delta link)
     * @param byUrl  fetches a page by its link
     * @param values the items of a page
     */
    <R extends BaseDeltaFunctionResponse, T> DeltaResult<T> delta(String what, Supplier<R> first,
                                                                   Function<String, R> byUrl,
                                                                   Function<R, List<T>> values) {
        List<T> items = new ArrayList<>();
        R page = call(what, first);
        int pages = 1;
        while (true) {
            if (page == null) {
                throw new ConnectorException(account + ": " + what + ": Graph answered with an empty page");
            }
            List<T> v = values.apply(page);
            if (v != null) {
                items.addAll(v);
            }
            if (page.getOdataNextLink() != null) {
                String next = page.getOdataNextLink();
                page = call(what + " (page " + ++pages + ")", () -> byUrl.apply(next));
            } else if (page.getOdataDeltaLink() != null) {
                return new DeltaResult<>(items, page.getOdataDeltaLink());
            } else {
                throw new ConnectorException(account + ": " + what + ": a delta page with neither nextLink nor deltaLink");
            }
        }
    }

    /** Every item of a delta query and the link that continues it. */
    record DeltaResult<T>(List<T> items, String deltaLink) {
    }

    /** Graph no longer knows a delta token (410, syncStateNotFound): read everything again. */
    static final class DeltaExpired extends ConnectorException {
        private static final long serialVersionUID = 1L;

        DeltaExpired(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static <X> Optional<X> cause(Throwable t, Class<X> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }
}
