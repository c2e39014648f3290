package io.liaison.connector.tck;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.Photo;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ItemStoreContract} for contacts, with sample contacts that carry titles, company and department,
 * several e-mail addresses and phone numbers of each kind, notes and a photo.
 */
public abstract class ContactStoreContract extends ItemStoreContract<ContactData> {

    /** A real 1×1 PNG image, so that a groupware that checks photos accepts it. */
    protected static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    protected ContactData sample(int n) {
        boolean odd = n % 2 == 1;
        return new ContactData(odd ? "Dr." : "", "Jürgen" + n, "Müller-Lüdenscheidt",
                odd ? "Dr. Jürgen Müller-Lüdenscheidt (" + n + ")" : "", "Müller & Söhne GmbH", "Purchasing",
                "Head of purchasing", List.of("juergen" + n + "@mueller.example", "jm" + n + "@private.example"),
                List.of("+49 30 1234" + n), "+49 171 555" + n, odd ? List.of("+49 30 9876" + n) : List.of(),
                "Met at the fair, line one\nline two; with a semicolon, and a comma",
                odd ? Optional.of(new Photo("image/png", PNG)) : Optional.empty());
    }

    @Override
    protected ContactData changed(ContactData d) {
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), "Sales",
                "Managing director", List.of("new." + d.emails().get(0)), d.businessPhones(), "+49 172 000111",
                List.of(), d.notes() + "\nChanged by the CRM.", d.photo());
    }
}
