package io.liaison.content.internal;

import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.james.mime4j.MimeException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signed and encrypted mail: S/MIME (RFC 8551) and PGP/MIME (RFC 3156). A clear-signed mail's signature part is
 * no document; an opaque-signed one ({@code smime.p7m}, CMS SignedData) is unwrapped with Bouncy Castle, so the mail
 * inside is read, and its signature is checked against the certificate it carries (whether that certificate is
 * trusted is not checked: that needs the company's trust store); an encrypted one cannot be read without the
 * recipient's key and says so.
 */
final class SecureMime {
    private static final Set<String> SIGNATURES = Set.of("application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-signature");
    private static final Set<String> PKCS7_MIME = Set.of("application/pkcs7-mime", "application/x-pkcs7-mime");

    /** What a {@code pkcs7-mime} part holds, by its CMS content type (not its {@code smime-type}, often missing). */
    enum Content { SIGNED, ENCRYPTED, OTHER }

    /** The mail inside an opaque-signed part, and what is wrong with its signature, if anything. */
    record Unwrapped(ParsedMessage inner, Optional<String> signatureProblem) {
    }

    /** Reads the MIME entity inside a signed part, as the reader reads any message. */
    interface EntityReader {
        ParsedMessage read(InputStream entity) throws IOException, MimeException;
    }

    private SecureMime() {
    }

    /** The signature part of a clear-signed ({@code multipart/signed}) mail. */
    static boolean isSignature(String mimeType) {
        return SIGNATURES.contains(mimeType);
    }

    static boolean isPkcs7Mime(String mimeType) {
        return PKCS7_MIME.contains(mimeType);
    }

    static Content contentOf(SpooledAttachment p7m) {
        try (InputStream in = p7m.open()) {
            ASN1ObjectIdentifier type = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(in)
                    .readObject()).getContentType();
            if (CMSObjectIdentifiers.signedData.equals(type)) {
                return Content.SIGNED;
            }
            if (CMSObjectIdentifiers.envelopedData.equals(type) || CMSObjectIdentifiers.authEnvelopedData.equals(type)
                    || CMSObjectIdentifiers.encryptedData.equals(type)) {
                return Content.ENCRYPTED;
            }
            return Content.OTHER;
        } catch (IOException | RuntimeException e) {
            return Content.OTHER;
        }
    }

    /**
     * Reads the mail inside an opaque-signed part (streaming: the signed content is never held whole) and then checks
     * the signature over what was read.
     *
     * @throws IOException when the part is no readable CMS SignedData
     */
    static Unwrapped unwrap(SpooledAttachment p7m, EntityReader reader) throws IOException, MimeException {
        try (InputStream in = p7m.open()) {
            CMSSignedDataParser signed = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(), in);
            CMSTypedStream content = signed.getSignedContent();
            if (content == null) {
                throw new IOException("it holds no signed content (a detached signature)");
            }
            ParsedMessage inner = reader.read(content.getContentStream());
            content.drain(); // the digests cover every byte, also those the MIME parser did not need
            return new Unwrapped(inner, check(signed));
        } catch (CMSException | OperatorCreationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What is wrong with the signatures, if anything; each is checked with the certificate the mail carries. */
    private static Optional<String> check(CMSSignedDataParser signed) {
        try {
            var certificates = signed.getCertificates();
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = certificates.getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    return Optional.of("the mail is signed (S/MIME) without the signer's certificate: the signature "
                            + "was not checked");
                }
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(matches.iterator().next()))) {
                    return Optional.of(BROKEN);
                }
            }
            return Optional.empty();
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of(BROKEN);
        } catch (CMSVerifierCertificateNotValidException e) {
            return Optional.of("the mail's S/MIME signature was made with a certificate that was not valid then");
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException
                 | RuntimeException e) {
            return Optional.of("the mail's S/MIME signature could not be checked: "
                    + TextDecoding.shorten(String.valueOf(e.getMessage())));
        }
    }

    private static final String BROKEN = "the mail's S/MIME signature does not match its content: it was changed "
            + "after it was signed";
}
