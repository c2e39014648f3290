package io.liaison.shell.internal.crm;

import java.util.List;

/**
 * One valid line of a contact CSV file. Strings are stripped, empty when the column is empty.
 *
 * @param line            the line number in the file, counting from 1 (the header)
 * @param id              the external key of the contact person
 * @param businessPartner the business partner's name
 * @param domains         the business partner's e-mail domains, lower-case
 * @param title           the title, e.g. "Dr."
 * @param firstName       the first name
 * @param lastName        the last name, never empty
 * @param email           the e-mail address, or empty
 * @param phone           the phone number, or empty
 * @param mobile          the mobile number, or empty
 */
record ContactRow(int line, String id, String businessPartner, List<String> domains, String title,
                  String firstName, String lastName, String email, String phone, String mobile) {
    ContactRow {
        domains = List.copyOf(domains);
    }
}
