package io.liaison.api.mailimport;

import io.liaison.api.domain.Classification;

/**
 * An attachment with the category and keywords the rules propose; the "Edit document" step may change them.
 *
 * @param fileName       the attachment's name
 * @param mediaType      its detected type
 * @param size           its size in bytes
 * @param classification the proposed category and keywords
 */
public record AttachmentProposal(String fileName, String mediaType, long size, Classification classification) {
}
