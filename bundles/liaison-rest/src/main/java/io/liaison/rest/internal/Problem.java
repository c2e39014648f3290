package io.liaison.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error as an RFC 9457 problem document ({@code application/problem+json}), with the extension member
 * {@code field}: the request field, query parameter or path parameter at fault, when one is.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param field  the field at fault, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The type URI of a Liaison problem kind. */
    static String type(String kind) {
        return "urn:liaison:problem:" + kind;
    }
}
