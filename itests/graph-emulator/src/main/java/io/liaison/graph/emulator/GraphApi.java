package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.graph.emulator.Exchange.GraphError;
import io.liaison.graph.emulator.Exchange.Req;
import io.liaison.graph.emulator.Exchange.Resp;
import io.liaison.graph.emulator.MailboxStore.Ctx;
import io.liaison.graph.emulator.MailboxStore.Entry;
import io.liaison.graph.emulator.MailboxStore.Scope;
import io.liaison.graph.emulator.MailboxStore.View;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.liaison.graph.emulator.Exchange.JSON;

/** Routes Graph requests (below /v1.0) to the mailbox stores. */
final class GraphApi {

    /**
     * What events and contacts make of {@code If-Match}: nothing. "Update event", "Delete event", "Update contact" and
     * "Delete contact" document no such header (a real 412 {@code ErrorIrresolvableConflict} is known for messages
     * only), so a client cannot rely on it there; messages and To Do tasks still honour it.
     */
    private static final String NO_IF_MATCH = null;


    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_PAGE = 1000;
    private static final Pattern KEY_SEGMENT = Pattern.compile("^(\\w+)\\('([^']*)'\\)$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The caller, from a valid access token. {@code upn} is null for application tokens. */
    record Caller(String tenant, String clientId, String upn) {
    }

    /** A resolved request: whose mailbox, what kind (for the stats), and how to answer. */
    record Route(String upn, String kind, Supplier<Resp> action) {
    }

    /** The server-side state behind a skip or delta token. */
    record DeltaState(String upn, String scopeKey, Scope scope, String type, Set<String> select, Expansion expand, long since, long upTo,
                      List<Entry> entries, int offset, long issue) {
    }

    /**
     * The {@code $expand} of a delta's first request, kept by its tokens as its {@code $select} is ("todoTask: delta":
     * "Delta query support $select, $top, and $expand for todoTask"; the parameters of the first request are encoded
     * into the tokens, "Use delta query to track changes").
     */
    record Expansion(String extendedId, boolean allExtended, boolean linkedResources) {
        static Expansion of(Ctx ctx) {
            return new Expansion(ctx.expandExtendedId(), ctx.expandAllExtended(), ctx.expandLinkedResources());
        }

        boolean none() {
            return extendedId == null && !allExtended && !linkedResources;
        }
    }

    private final GraphEmulator emulator;
    private final Map<String, DeltaState> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issues = new AtomicLong();
    private volatile long expiredThrough = 0;

    GraphApi(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    void expireDeltaTokens() {
        expiredThrough = issues.get();
    }

    // ------------------------------------------------------------------ routing

    static List<String> segments(String pathBelowVersion) {
        List<String> out = new ArrayList<>();
        for (String raw : pathBelowVersion.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).replaceFirst("^(delta)\\(\\)$", "$1");
            Matcher m = KEY_SEGMENT.matcher(s);
            if (m.matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * @param path the path below {@code /v1.0}, starting with {@code /}
     */
    Route route(Req req, String path, Caller caller) {
        List<String> seg = segments(path);
        if (seg.isEmpty()) {
            return error(null, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment ''."));
        }
        MailboxStore mb;
        List<String> rest;
        if (seg.get(0).equalsIgnoreCase("me")) {
            if (caller.upn() == null) {
                return error(null, "me", new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow."));
            }
            mb = emulator.store(caller.upn());
            if (mb == null) {
                return error(caller.upn(), "me", invalidUser(caller.upn()));
            }
            rest = seg.subList(1, seg.size());
        } else if (seg.get(0).equalsIgnoreCase("users") && seg.size() >= 2) {
            mb = emulator.store(seg.get(1));
            if (mb == null) {
                return error(null, "users", invalidUser(seg.get(1)));
            }
            if (caller.upn() != null && !caller.upn().equalsIgnoreCase(mb.upn)) {
                return error(mb.upn, "users", new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
            }
            rest = seg.subList(2, seg.size());
        } else {
            return error(null, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment '" + seg.get(0) + "'."));
        }
        String prefix = path.substring(0, path.length() - String.join("/", rest).length());
        return resolve(req, mb, rest, path, prefix);
    }

    private static GraphError invalidUser(String who) {
        return new GraphError(404, "ErrorInvalidUser", "The requested user '" + who + "' is invalid.");
    }

    private static Route error(String upn, String kind, GraphError e) {
        return new Route(upn, kind, () -> e.toResp());
    }

    private Route resolve(Req req, MailboxStore mb, List<String> r, String path, String prefix) {
        String m = req.method();
        int n = r.size();
        String upn = mb.upn;
        String base = emulator.graphBaseUrl();
        Ctx ctx = ctx(req);
        if (n == 0 && m.equals("GET")) {
            return new Route(upn, "user.get", () -> {
                ObjectNode u = JSON.createObjectNode();
                u.put("@odata.context", base + "/$metadata#users/$entity");
                u.put("id", mb.userId).put("userPrincipalName", mb.upn).put("displayName", mb.displayName).put("mail", mb.upn);
                return Resp.json(200, u);
            });
        }
        String head = r.get(0);
        // ---------------------------------------------------------- mail folders
        if (head.equals("mailFolders")) {
            if (n == 1 && m.equals("GET")) {
                return new Route(upn, "mailFolders.list", () -> list(req, path, "mailFolders", mb,
                        mb.children(mb.rootFolderId(), Item.MAIL_FOLDER), ctx));
            }
            if (n == 1 && m.equals("POST")) {
                return new Route(upn, "mailFolders.create", () -> created(mb, mb.createMailFolder(mb.rootFolderId(), req.json()), ctx, "mailFolders"));
            }
            if (n == 2 && r.get(1).equals("delta")) {
                return error(upn, "mailFolders.delta", new GraphError(400, "BadRequest", "The emulator does not implement mailFolders/delta."));
            }
            if (n == 2) {
                return switch (m) {
                    case "GET" -> new Route(upn, "mailFolders.get", () -> entity(mb, mb.get(mb.resolveMailFolder(r.get(1)), Item.MAIL_FOLDER), ctx, "mailFolders"));
                    case "PATCH" -> new Route(upn, "mailFolders.update", () -> entity(mb, mb.renameFolder(mb.resolveMailFolder(r.get(1)), Item.MAIL_FOLDER, req.json()), ctx, "mailFolders"));
                    case "DELETE" -> new Route(upn, "mailFolders.delete", () -> {
                        mb.delete(mb.resolveMailFolder(r.get(1)), Item.MAIL_FOLDER, null);
                        return Resp.empty(204);
                    });
                    default -> notAllowed(upn);
                };
            }
            if (n == 3 && r.get(2).equals("childFolders")) {
                if (m.equals("GET")) {
                    return new Route(upn, "childFolders.list", () -> list(req, path, "mailFolders", mb,
                            mb.children(mb.resolveMailFolder(r.get(1)), Item.MAIL_FOLDER), ctx));
                }
                if (m.equals("POST")) {
                    return new Route(upn, "childFolders.create", () -> created(mb, mb.createMailFolder(mb.resolveMailFolder(r.get(1)), req.json()), ctx, "mailFolders"));
                }
            }
            if (n == 3 && r.get(2).equals("messages")) {
                if (m.equals("GET")) {
                    return new Route(upn, "messages.list", () -> list(req, path, "messages", mb,
                            mb.children(mb.resolveMailFolder(r.get(1)), Item.MESSAGE), ctx));
                }
                if (m.equals("POST")) {
                    return new Route(upn, "messages.create", () -> createMessage(req, mb, mb.resolveMailFolder(r.get(1)), ctx));
                }
            }
            if (n == 4 && r.get(2).equals("messages") && r.get(3).equals("delta") && m.equals("GET")) {
                return new Route(upn, "messages.delta", () -> {
                    String folder = mb.resolveMailFolder(r.get(1));
                    Scope scope = simpleScope(Item.MESSAGE, folder, "#microsoft.graph.message");
                    return delta(req, mb, "messages:" + folder, scope, path, "message", ctx);
                });
            }
            if (n >= 4 && r.get(2).equals("messages")) {
                return messageRoutes(req, mb, r.subList(3, n), path, ctx);
            }
        }
        // ---------------------------------------------------------- messages
        if (head.equals("messages")) {
            if (n == 1 && m.equals("GET")) {
                return new Route(upn, "messages.list", () -> list(req, path, "messages", mb, mb.all(Item.MESSAGE), ctx));
            }
            if (n == 1 && m.equals("POST")) {
                return new Route(upn, "messages.create", () -> createMessage(req, mb, mb.resolveMailFolder("drafts"), ctx));
            }
            if (n >= 2) {
                return messageRoutes(req, mb, r.subList(1, n), path, ctx);
            }
        }
        // ---------------------------------------------------------- calendar
        if (head.equals("calendar") && n == 1 && m.equals("GET")) {
            return new Route(upn, "calendar.get", () -> entity(mb, mb.get(mb.calendarId(), Item.CALENDAR), ctx, "calendars"));
        }
        if (head.equals("calendars") && n == 1 && m.equals("GET")) {
            return new Route(upn, "calendars.list", () -> list(req, path, "calendars", mb, List.of(mb.get(mb.calendarId(), Item.CALENDAR)), ctx));
        }
        if (head.equals("calendar") || head.equals("calendars")) {
            int skip = head.equals("calendar") ? 1 : 2;
            if (n > skip && (head.equals("calendar") || mb.calendarId().equals(r.get(1)))) {
                return resolve(req, mb, r.subList(skip, n), path, prefix);
            }
        }
        if (head.equals("calendarView")) {
            if (n == 1 && m.equals("GET")) {
                return new Route(upn, "calendarView.list", () -> {
                    Instant from = EventTimes.queryInstant(req.query().get("startDateTime"), "startDateTime");
                    Instant to = EventTimes.queryInstant(req.query().get("endDateTime"), "endDateTime");
                    List<ObjectNode> out = new ArrayList<>();
                    synchronized (mb) {
                        List<View> views = new ArrayList<>();
                        mb.all(Item.EVENT).forEach(e -> views.addAll(mb.calendarViews(e, from, to)));
                        for (View v : views) {
                            mb.renderView(v.id(), ctx).ifPresent(out::add);
                        }
                    }
                    out.sort(Comparator.comparing(o -> o.path("start").path("dateTime").asText()));
                    return page(req, path, "events", out, ctx);
                });
            }
            if (n == 2 && r.get(1).equals("delta") && m.equals("GET")) {
                return new Route(upn, "calendarView.delta", () -> {
                    Scope scope = null;
                    if (req.option("skiptoken") == null && req.option("deltatoken") == null) {
                        Instant from = EventTimes.queryInstant(req.query().get("startDateTime"), "startDateTime");
                        Instant to = EventTimes.queryInstant(req.query().get("endDateTime"), "endDateTime");
                        scope = new Scope() {
                            @Override
                            public String odataType() {
                                return "#microsoft.graph.event";
                            }

                            @Override
                            public List<View> expand(MailboxStore store, Item item) {
                                return store.calendarViews(item, from, to);
                            }

                            @Override
                            public boolean reportsOutside(Item item) {
                                return item.kind.equals(Item.EVENT);
                            }
                        };
                    }
                    return delta(req, mb, "calendarView", scope, path, "event", ctx);
                });
            }
        }
        if (head.equals("events")) {
            if (n == 1 && m.equals("GET")) {
                return new Route(upn, "events.list", () -> list(req, path, "events", mb, mb.all(Item.EVENT), ctx));
            }
            if (n == 1 && m.equals("POST")) {
                return new Route(upn, "events.create", () -> created(mb, mb.createEvent(req.json()), ctx, "events"));
            }
            if (n == 2) {
                String id = r.get(1);
                return switch (m) {
                    case "GET" -> new Route(upn, "events.get", () -> mb.renderView(id, ctx)
                            .map(o -> Resp.json(200, withContext(o, base + "/$metadata#users('" + mb.upn + "')/events/$entity")))
                            .orElseThrow(Exchange::notFound));
                    case "PATCH" -> new Route(upn, "events.update", () -> {
                        synchronized (mb) {
                            mb.updateEvent(id, req.json(), NO_IF_MATCH);
                            return Resp.json(200, mb.renderView(id, ctx).orElseThrow(Exchange::notFound));
                        }
                    });
                    case "DELETE" -> new Route(upn, "events.delete", () -> {
                        mb.delete(id, Item.EVENT, NO_IF_MATCH);
                        return Resp.empty(204);
                    });
                    default -> notAllowed(upn);
                };
            }
            if (n == 3 && r.get(2).equals("instances") && m.equals("GET")) {
                return new Route(upn, "events.instances", () -> {
                    Item master = mb.get(r.get(1), Item.EVENT);
                    Instant from = EventTimes.queryInstant(req.query().get("startDateTime"), "startDateTime");
                    Instant to = EventTimes.queryInstant(req.query().get("endDateTime"), "endDateTime");
                    List<ObjectNode> out = new ArrayList<>();
                    synchronized (mb) {
                        for (View v : mb.calendarViews(master, from, to)) {
                            mb.renderView(v.id(), ctx).ifPresent(out::add);
                        }
                    }
                    return page(req, path, "events", out, ctx);
                });
            }
        }
        // ---------------------------------------------------------- To Do
        if (head.equals("todo") && n >= 2 && r.get(1).equals("lists")) {
            return todoRoutes(req, mb, r.subList(2, n), path, ctx);
        }
        // ---------------------------------------------------------- contacts
        if (head.equals("contacts")) {
            return contactRoutes(req, mb, mb.contactsFolderId(), r.subList(1, n), path, ctx, true);
        }
        if (head.equals("contactFolders")) {
            if (n == 1 && m.equals("GET")) {
                return new Route(upn, "contactFolders.list", () -> list(req, path, "contactFolders", mb,
                        mb.children(mb.contactsFolderId(), Item.CONTACT_FOLDER), ctx));
            }
            if (n == 1 && m.equals("POST")) {
                return new Route(upn, "contactFolders.create", () -> created(mb, mb.createContactFolder(mb.contactsFolderId(), req.json()), ctx, "contactFolders"));
            }
            if (n == 2) {
                return switch (m) {
                    case "GET" -> new Route(upn, "contactFolders.get", () -> entity(mb, mb.get(mb.resolveContactFolder(r.get(1)), Item.CONTACT_FOLDER), ctx, "contactFolders"));
                    case "PATCH" -> new Route(upn, "contactFolders.update", () -> entity(mb, mb.renameFolder(mb.resolveContactFolder(r.get(1)), Item.CONTACT_FOLDER, req.json()), ctx, "contactFolders"));
                    case "DELETE" -> new Route(upn, "contactFolders.delete", () -> {
                        mb.delete(mb.resolveContactFolder(r.get(1)), Item.CONTACT_FOLDER, null);
                        return Resp.empty(204);
                    });
                    default -> notAllowed(upn);
                };
            }
            if (n == 3 && r.get(2).equals("childFolders")) {
                if (m.equals("GET")) {
                    return new Route(upn, "contactFolders.childFolders.list", () -> list(req, path, "contactFolders", mb,
                            mb.children(mb.resolveContactFolder(r.get(1)), Item.CONTACT_FOLDER), ctx));
                }
                if (m.equals("POST")) {
                    return new Route(upn, "contactFolders.childFolders.create", () -> created(mb,
                            mb.createContactFolder(mb.resolveContactFolder(r.get(1)), req.json()), ctx, "contactFolders"));
                }
            }
            if (n >= 3 && r.get(2).equals("contacts")) {
                String folder;
                try {
                    folder = mb.resolveContactFolder(r.get(1));
                } catch (GraphError e) {
                    return error(upn, "contacts", e);
                }
                return contactRoutes(req, mb, folder, r.subList(3, n), path, ctx, false);
            }
        }
        return error(upn, "unknown", new GraphError(400, "BadRequest",
                "Resource not found for the segment '" + String.join("/", r) + "' (" + m + ") in the emulator."));
    }

    private static Route notAllowed(String upn) {
        return error(upn, "unknown", new GraphError(405, "ErrorInvalidRequest", "The HTTP method is not allowed for this resource."));
    }

    private Route messageRoutes(Req req, MailboxStore mb, List<String> r, String path, Ctx ctx) {
        String upn = mb.upn;
        String m = req.method();
        String id = r.get(0);
        int n = r.size();
        if (n == 1) {
            return switch (m) {
                case "GET" -> new Route(upn, "messages.get", () -> entity(mb, mb.get(id, Item.MESSAGE), ctx, "messages"));
                case "PATCH" -> new Route(upn, "messages.update", () -> entity(mb, mb.updateMessage(id, req.json(), req.header("If-Match")), ctx, "messages"));
                case "DELETE" -> new Route(upn, "messages.delete", () -> {
                    mb.delete(id, Item.MESSAGE, req.header("If-Match"));
                    return Resp.empty(204);
                });
                default -> notAllowed(upn);
            };
        }
        if (n == 2 && r.get(1).equals("$value") && m.equals("GET")) {
            return new Route(upn, "messages.value", () -> {
                Item msg = mb.get(id, Item.MESSAGE);
                return Resp.bytes(200, "text/plain", msg.mime);
            });
        }
        if (n == 2 && r.get(1).equals("move") && m.equals("POST")) {
            return new Route(upn, "messages.move", () -> {
                String dest = req.json().path("destinationId").asText(req.json().path("DestinationId").asText(null));
                if (dest == null) {
                    throw new GraphError(400, "ErrorInvalidRequest", "The destinationId is required.");
                }
                return created(mb, mb.move(id, dest, Item.MESSAGE), ctx, "messages");
            });
        }
        if (n == 2 && r.get(1).equals("copy") && m.equals("POST")) {
            return new Route(upn, "messages.copy", () -> {
                String dest = req.json().path("destinationId").asText(req.json().path("DestinationId").asText(null));
                if (dest == null) {
                    throw new GraphError(400, "ErrorInvalidRequest", "The destinationId is required.");
                }
                return created(mb, mb.copyMessage(id, dest), ctx, "messages");
            });
        }
        return error(upn, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment '" + String.join("/", r) + "'."));
    }

    private Resp createMessage(Req req, MailboxStore mb, String folder, Ctx ctx) {
        String ct = req.header("Content-Type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            byte[] mime;
            try {
                mime = Base64.getMimeDecoder().decode(req.body());
            } catch (IllegalArgumentException e) {
                throw new GraphError(400, "ErrorMimeContentInvalidBase64String", "The MIME content is not a valid base64 string.");
            }
            return created(mb, mb.createMessageFromMime(folder, mime), ctx, "messages");
        }
        return created(mb, mb.createMessageFromJson(folder, req.json()), ctx, "messages");
    }

    private Route todoRoutes(Req req, MailboxStore mb, List<String> r, String path, Ctx ctx) {
        String upn = mb.upn;
        String m = req.method();
        int n = r.size();
        if (n == 0 && m.equals("GET")) {
            return new Route(upn, "todoLists.list", () -> list(req, path, "todoTaskList", mb, mb.all(Item.TODO_LIST), ctx));
        }
        if (n == 0 && m.equals("POST")) {
            return new Route(upn, "todoLists.create", () -> created(mb, mb.createTodoList(req.json()), ctx, "todoTaskList"));
        }
        String listId = r.get(0);
        if (n == 1) {
            return switch (m) {
                case "GET" -> new Route(upn, "todoLists.get", () -> entity(mb, mb.get(mb.resolveTodoList(listId), Item.TODO_LIST), ctx, "todoTaskList"));
                case "PATCH" -> new Route(upn, "todoLists.update", () -> entity(mb, mb.renameFolder(mb.resolveTodoList(listId), Item.TODO_LIST, req.json()), ctx, "todoTaskList"));
                case "DELETE" -> new Route(upn, "todoLists.delete", () -> {
                    mb.delete(mb.resolveTodoList(listId), Item.TODO_LIST, null);
                    return Resp.empty(204);
                });
                default -> notAllowed(upn);
            };
        }
        if (!r.get(1).equals("tasks")) {
            return error(upn, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment '" + r.get(1) + "'."));
        }
        if (n == 2 && m.equals("GET")) {
            return new Route(upn, "todoTasks.list", () -> list(req, path, "todoTask", mb,
                    mb.children(mb.resolveTodoList(listId), Item.TODO_TASK), ctx));
        }
        if (n == 2 && m.equals("POST")) {
            return new Route(upn, "todoTasks.create", () -> created(mb, mb.createTask(mb.resolveTodoList(listId), req.json()), ctx, "todoTask"));
        }
        if (n == 3 && r.get(2).equals("delta") && m.equals("GET")) {
            return new Route(upn, "todoTasks.delta", () -> {
                String list = mb.resolveTodoList(listId);
                return delta(req, mb, "tasks:" + list, simpleScope(Item.TODO_TASK, list, "#microsoft.graph.todoTask"), path, "todoTask", ctx);
            });
        }
        String taskId = r.get(2);
        if (n == 3) {
            return switch (m) {
                case "GET" -> new Route(upn, "todoTasks.get", () -> entity(mb, task(mb, listId, taskId), ctx, "todoTask"));
                case "PATCH" -> new Route(upn, "todoTasks.update", () -> {
                    task(mb, listId, taskId);
                    return entity(mb, mb.updateGeneric(taskId, Item.TODO_TASK, req.json(), req.header("If-Match")), ctx, "todoTask");
                });
                case "DELETE" -> new Route(upn, "todoTasks.delete", () -> {
                    task(mb, listId, taskId);
                    mb.delete(taskId, Item.TODO_TASK, req.header("If-Match"));
                    return Resp.empty(204);
                });
                default -> notAllowed(upn);
            };
        }
        if (r.get(3).equals("linkedResources")) {
            if (n == 4 && m.equals("GET")) {
                return new Route(upn, "linkedResources.list", () -> {
                    task(mb, listId, taskId);
                    return list(req, path, "linkedResource", mb, mb.children(taskId, Item.LINKED_RESOURCE), ctx);
                });
            }
            if (n == 4 && m.equals("POST")) {
                return new Route(upn, "linkedResources.create", () -> {
                    task(mb, listId, taskId);
                    return created(mb, mb.createLinkedResource(taskId, req.json()), ctx, "linkedResource");
                });
            }
            if (n == 5) {
                String lr = r.get(4);
                return switch (m) {
                    case "GET" -> new Route(upn, "linkedResources.get", () -> entity(mb, linked(mb, taskId, lr), ctx, "linkedResource"));
                    case "PATCH" -> new Route(upn, "linkedResources.update", () -> {
                        linked(mb, taskId, lr);
                        return entity(mb, mb.updateGeneric(lr, Item.LINKED_RESOURCE, req.json(), null), ctx, "linkedResource");
                    });
                    case "DELETE" -> new Route(upn, "linkedResources.delete", () -> {
                        linked(mb, taskId, lr);
                        mb.delete(lr, Item.LINKED_RESOURCE, null);
                        return Resp.empty(204);
                    });
                    default -> notAllowed(upn);
                };
            }
        }
        return error(upn, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment '" + String.join("/", r) + "'."));
    }

    private static Item task(MailboxStore mb, String listId, String taskId) {
        Item t = mb.get(taskId, Item.TODO_TASK);
        if (!t.container.equals(mb.resolveTodoList(listId))) {
            throw Exchange.notFound();
        }
        return t;
    }

    private static Item linked(MailboxStore mb, String taskId, String id) {
        Item lr = mb.get(id, Item.LINKED_RESOURCE);
        if (!lr.container.equals(taskId)) {
            throw Exchange.notFound();
        }
        return lr;
    }

    private Route contactRoutes(Req req, MailboxStore mb, String folder, List<String> r, String path, Ctx ctx, boolean allFolders) {
        String upn = mb.upn;
        String m = req.method();
        int n = r.size();
        if (n == 0 && m.equals("GET")) {
            return new Route(upn, "contacts.list", () -> list(req, path, "contacts", mb, mb.children(folder, Item.CONTACT), ctx));
        }
        if (n == 0 && m.equals("POST")) {
            return new Route(upn, "contacts.create", () -> created(mb, mb.createContact(folder, req.json()), ctx, "contacts"));
        }
        if (n == 1 && r.get(0).equals("delta") && m.equals("GET") && allFolders) {
            // "contact: delta" documents contactFolders/{id}/contacts/delta only
            return error(upn, "contacts.delta", new GraphError(400, "BadRequest",
                    "The emulator serves contact delta only as documented: contactFolders/{id}/contacts/delta."));
        }
        if (n == 1 && r.get(0).equals("delta") && m.equals("GET")) {
            return new Route(upn, "contacts.delta", () -> delta(req, mb, "contacts:" + folder,
                    simpleScope(Item.CONTACT, folder, "#microsoft.graph.contact"), path, "contact", ctx));
        }
        String id = r.get(0);
        if (n == 1) {
            return switch (m) {
                case "GET" -> new Route(upn, "contacts.get", () -> entity(mb, mb.get(id, Item.CONTACT), ctx, "contacts"));
                case "PATCH" -> new Route(upn, "contacts.update", () -> entity(mb, mb.updateGeneric(id, Item.CONTACT, req.json(), NO_IF_MATCH), ctx, "contacts"));
                case "DELETE" -> new Route(upn, "contacts.delete", () -> {
                    mb.delete(id, Item.CONTACT, NO_IF_MATCH);
                    return Resp.empty(204);
                });
                default -> notAllowed(upn);
            };
        }
        if (n == 2 && r.get(1).equals("move") && m.equals("POST")) {
            return new Route(upn, "contacts.move", () -> created(mb, mb.move(id, req.json().path("destinationId").asText(req.json().path("DestinationId").asText("")), Item.CONTACT), ctx, "contacts"));
        }
        if (n == 2 && r.get(1).equals("photo") && m.equals("GET")) {
            return new Route(upn, "contacts.photo.get", () -> {
                byte[] photo = mb.photo(id);
                ObjectNode meta = JSON.createObjectNode();
                meta.put("@odata.context", emulator.graphBaseUrl() + "/$metadata#users('" + upn + "')/contacts('" + id + "')/photo/$entity");
                meta.put("@odata.mediaContentType", mb.photoType(id));
                meta.put("id", "default").put("height", 0).put("width", 0);
                meta.put("@odata.mediaEtag", "W/\"" + Integer.toHexString(java.util.Arrays.hashCode(photo)) + "\"");
                return Resp.json(200, meta);
            });
        }
        if (n == 3 && r.get(1).equals("photo") && r.get(2).equals("$value")) {
            if (m.equals("GET")) {
                return new Route(upn, "contacts.photo.get", () -> Resp.bytes(200, mb.photoType(id), mb.photo(id)));
            }
            if (m.equals("PUT") || m.equals("PATCH")) {
                return new Route(upn, "contacts.photo.put", () -> {
                    String type = req.header("Content-Type");
                    if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("image/jpeg")) {
                        // "Update profilephoto": Content-Type image/jpeg, required
                        throw new GraphError(400, "ErrorInvalidRequest", "The photo must be sent with Content-Type image/jpeg, not "
                                + type + ".");
                    }
                    mb.putPhoto(id, req.body(), "image/jpeg");
                    return Resp.empty(200);
                });
            }
        }
        if ((n == 2 || n == 3 && r.get(2).equals("$value")) && r.get(1).equals("photo") && m.equals("DELETE")) {
            // "Delete profilePhoto" supports user and group photos, not Outlook contacts'; the answer Graph gives is not
            // documented, this one is the emulator's
            return error(upn, "contacts.photo.delete", new GraphError(405, "ErrorInvalidRequest",
                    "Deleting the photo of an Outlook contact is not supported."));
        }
        return error(upn, "unknown", new GraphError(400, "BadRequest", "Resource not found for the segment '" + String.join("/", r) + "'."));
    }

    // ------------------------------------------------------------------ shapes

    static Scope simpleScope(String kind, String container, String type) {
        return new Scope() {
            @Override
            public String odataType() {
                return type;
            }

            @Override
            public List<View> expand(MailboxStore store, Item item) {
                return item.kind.equals(kind) && container.equals(item.container) ? List.of(new View(item.id, item.seq)) : List.of();
            }
        };
    }

    /**
     * The one documented form ("Get singleValueLegacyExtendedProperty": "Use a $filter and eq operator on the id
     * property to specify the extended property"), ending its {@code $expand} item; the bare form is kept as before.
     */
    private static final Pattern EXPAND_EXT = Pattern.compile(
            "(?i)singleValueExtendedProperties(\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+'((?:[^']|'')*)'\\s*\\))?(?=\\s*(,|$))");
    private static final Pattern EXPAND_EXT_NAME = Pattern.compile("(?i)singleValueExtendedProperties");

    static Ctx ctx(Req req) {
        Set<String> select = new LinkedHashSet<>();
        String sel = req.option("select");
        if (sel != null && !sel.isBlank()) {
            for (String s : sel.split(",")) {
                if (!s.isBlank()) {
                    select.add(s.trim());
                }
            }
        }
        String expand = req.option("expand");
        String extId = null;
        boolean allExt = false;
        boolean linked = false;
        if (expand != null) {
            if (EXPAND_EXT_NAME.matcher(expand).results().count() > 1) {
                throw undocumentedExpand(expand);
            }
            Matcher mm = EXPAND_EXT.matcher(expand);
            if (EXPAND_EXT_NAME.matcher(expand).find() && !mm.find()) {
                throw undocumentedExpand(expand);
            }
            if (mm.reset().find()) {
                if (mm.group(2) != null) {
                    extId = mm.group(2).replace("''", "'");
                } else {
                    allExt = true;
                }
            }
            linked = expand.contains("linkedResources");
        }
        String tzName = req.prefer("outlook.timezone");
        ZoneId zone = tzName == null ? java.time.ZoneOffset.UTC : EventTimes.zone(tzName);
        String bodyType = req.prefer("outlook.body-content-type");
        return new Ctx(Set.copyOf(select), extId, allExt, linked, zone, tzName == null ? "UTC" : tzName, "text".equalsIgnoreCase(bodyType));
    }

    /**
     * Several extended properties in one {@code $expand} ({@code or} in its filter, or the navigation expanded twice)
     * are not documented, so they are refused; Graph's answer to them is not documented either: the status and code
     * are the emulator's, those of an unsupported {@code $filter}.
     */
    private static GraphError undocumentedExpand(String expand) {
        return new GraphError(400, "ErrorInvalidUrlQueryFilter", "An extended property is expanded only with"
                + " singleValueExtendedProperties($filter=id eq '...'), one property per request (Get"
                + " singleValueLegacyExtendedProperty), not: " + expand);
    }

    private static ObjectNode withContext(ObjectNode o, String context) {
        ObjectNode out = JSON.createObjectNode();
        out.put("@odata.context", context);
        out.setAll(o);
        return out;
    }

    private Resp entity(MailboxStore mb, Item it, Ctx ctx, String set) {
        return Resp.json(200, withContext(mb.render(it, ctx), emulator.graphBaseUrl() + "/$metadata#users('" + mb.upn + "')/" + set + "/$entity"));
    }

    private Resp created(MailboxStore mb, Item it, Ctx ctx, String set) {
        return Resp.json(201, withContext(mb.render(it, ctx), emulator.graphBaseUrl() + "/$metadata#users('" + mb.upn + "')/" + set + "/$entity"));
    }

    private Resp list(Req req, String path, String set, MailboxStore mb, List<Item> items, Ctx ctx) {
        Predicate<Item> filter = MailboxStore.filter(req.option("filter"));
        List<ObjectNode> rendered = new ArrayList<>();
        synchronized (mb) {
            for (Item it : items) {
                if (filter.test(it)) {
                    rendered.add(mb.render(it, ctx));
                }
            }
        }
        return page(req, path, set, rendered, ctx);
    }

    private Resp page(Req req, String path, String set, List<ObjectNode> all, Ctx ctx) {
        int top = parseInt(req.option("top"), pageSizeFromPrefer(req, DEFAULT_PAGE));
        int skip = parseInt(req.option("skip"), 0);
        ObjectNode out = JSON.createObjectNode();
        out.put("@odata.context", emulator.graphBaseUrl() + "/$metadata#" + set);
        ArrayNode value = JSON.createArrayNode();
        for (int i = skip; i < Math.min(all.size(), skip + top); i++) {
            value.add(all.get(i));
        }
        if (skip + top < all.size()) {
            StringBuilder link = new StringBuilder(emulator.graphBaseUrl()).append(path).append('?');
            req.query().forEach((k, v) -> {
                if (!k.equals("$skip") && !k.equals("skip") && !k.equals("$top") && !k.equals("top")) {
                    link.append(enc(k)).append('=').append(enc(v)).append('&');
                }
            });
            link.append("$top=").append(top).append("&$skip=").append(skip + top);
            out.put("@odata.nextLink", link.toString());
        }
        out.set("value", value);
        return Resp.json(200, out);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%2C", ",");
    }

    private static int parseInt(String s, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            throw new GraphError(400, "BadRequest", "Invalid number in query option: '" + s + "'.");
        }
    }

    private static int pageSizeFromPrefer(Req req, int dflt) {
        String p = req.prefer("odata.maxpagesize");
        if (p == null) {
            return dflt;
        }
        try {
            return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(p.trim())));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    // ------------------------------------------------------------------ delta

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private DeltaState lookup(String token, String scopeKey, MailboxStore mb) {
        DeltaState st = tokens.get(token);
        if (st == null || st.issue() <= expiredThrough) {
            throw new GraphError(410, "SyncStateNotFound",
                    "The sync state generation is not found; the delta or skip token has expired. Start a full synchronization without a token.");
        }
        if (!st.scopeKey().equals(scopeKey) || !st.upn().equalsIgnoreCase(mb.upn)) {
            throw new GraphError(400, "ErrorInvalidUrlQuery", "The delta token does not belong to this resource.");
        }
        return st;
    }

    private Resp delta(Req req, MailboxStore mb, String scopeKey, Scope scopeOrNull, String path, String type, Ctx ctx) {
        String skip = req.option("skiptoken");
        String deltaToken = req.option("deltatoken");
        DeltaState st;
        synchronized (mb) {
            if (skip != null) {
                st = lookup(skip, scopeKey, mb);
            } else if (deltaToken != null) {
                DeltaState prev = lookup(deltaToken, scopeKey, mb);
                long upTo = mb.currentSeq();
                st = new DeltaState(prev.upn(), scopeKey, prev.scope(), type, prev.select(), prev.expand(), prev.since(), upTo,
                        mb.deltaRound(prev.scope(), prev.upTo(), upTo), 0, 0);
            } else {
                if (scopeOrNull == null) {
                    throw new GraphError(400, "BadRequest", "A delta request needs its parameters.");
                }
                long upTo = mb.currentSeq();
                st = new DeltaState(mb.upn, scopeKey, scopeOrNull, type, ctx.select(), Expansion.of(ctx), 0, upTo, mb.deltaRound(scopeOrNull, 0, upTo), 0, 0);
            }
            Set<String> select = ctx.select().isEmpty() ? st.select() : ctx.select();
            Expansion expand = Expansion.of(ctx).none() ? st.expand() : Expansion.of(ctx);
            Ctx effective = new Ctx(select, expand.extendedId(), expand.allExtended(), expand.linkedResources(), ctx.zone(),
                    ctx.zoneName(), ctx.textBody());
            int size = pageSizeFromPrefer(req, parseInt(req.option("top"), DEFAULT_PAGE));
            ArrayNode value = JSON.createArrayNode();
            int end = Math.min(st.entries().size(), st.offset() + size);
            for (int i = st.offset(); i < end; i++) {
                Entry e = st.entries().get(i);
                if (e.removed()) {
                    ObjectNode o = value.addObject();
                    o.put("@odata.type", st.scope().odataType());
                    o.put("id", e.id());
                    o.putObject("@removed").put("reason", "deleted");
                } else {
                    mb.renderView(e.id(), effective).ifPresent(o -> {
                        ObjectNode withType = JSON.createObjectNode();
                        withType.put("@odata.type", st.scope().odataType());
                        withType.setAll(o);
                        value.add(withType);
                    });
                }
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("@odata.context", emulator.graphBaseUrl() + "/$metadata#Collection(" + type + ")");
            String next = newToken();
            long issue = issues.incrementAndGet();
            String link = emulator.graphBaseUrl() + path;
            if (end < st.entries().size()) {
                tokens.put(next, new DeltaState(st.upn(), scopeKey, st.scope(), type, st.select(), st.expand(), st.since(), st.upTo(), st.entries(), end, issue));
                out.put("@odata.nextLink", link + "?$skiptoken=" + next);
            } else {
                tokens.put(next, new DeltaState(st.upn(), scopeKey, st.scope(), type, st.select(), st.expand(), st.upTo(), st.upTo(), List.of(), 0, issue));
                out.put("@odata.deltaLink", link + "?$deltatoken=" + next);
            }
            out.set("value", value);
            Resp resp = Resp.json(200, out);
            List<String> applied = new ArrayList<>();
            if (req.prefer("odata.maxpagesize") != null) {
                applied.add("odata.maxpagesize=" + size);
            }
            applied.add("odata.track-changes");
            if (req.prefer("outlook.timezone") != null) {
                applied.add("outlook.timezone=\"" + ctx.zoneName() + "\"");
            }
            resp.with("Preference-Applied", String.join(", ", applied));
            return resp;
        }
    }

    static Function<String, String> identity() {
        return s -> s;
    }
}
