import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Reads one password line from standard input and prints its bcrypt hash, the form Karaf's JAAS realm
 * checks when etc/org.apache.karaf.jaas.cfg says encryption.name = spring-security-crypto, algorithm bcrypt.
 * Run by bin/liaison-admin; the password never appears on a command line.
 */
public final class BcryptPassword {
    private BcryptPassword() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = in.readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("liaison-admin: no password given on standard input");
            System.exit(2);
        }
        // bcrypt reads 72 bytes at most; a longer password would match each of its 72-byte prefixes
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            System.err.println("liaison-admin: the password is longer than bcrypt's 72 bytes (UTF-8)");
            System.exit(2);
        }
        System.out.println(BCrypt.hashpw(password, BCrypt.gensalt(12)));
    }
}
