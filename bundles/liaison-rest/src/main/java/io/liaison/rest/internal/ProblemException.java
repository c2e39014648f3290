package io.liaison.rest.internal;

/** Ends a request with a problem document; thrown by the resources and filters, written by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(int status, String kind, String title, String detail, String field) {
        super(detail, null, false, false);
        this.problem = new Problem(Problem.type(kind), title, status, detail, field);
    }

    public Problem problem() {
        return problem;
    }

    static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, field);
    }

    static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id, null);
    }

    static ProblemException notInstalled(String module) {
        return new ProblemException(503, "not-installed", "Not installed",
                "the module " + module + " is not installed", null);
    }
}
