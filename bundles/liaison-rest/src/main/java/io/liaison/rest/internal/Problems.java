package io.liaison.rest.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;

/** Writes a problem document outside JAX-RS (the HTTP context's 401 and 403). */
final class Problems {
    private Problems() {
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JsonProvider.MAPPER.writeValue(response.getOutputStream(), problem);
    }
}
