package io.mlconnector.tenant;

import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import io.mlconnector.tenant.crypto.SecretDecryptionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Operator commands for tenant secrets. Keys come from {@code MLC_ENCRYPTION_KEYS}.
 * <pre>
 *   generate-key [keyId]        print a new key entry "keyId:base64" (prepend it to MLC_ENCRYPTION_KEYS)
 *   encrypt                     read one value from stdin, print enc:v1:...
 *   encrypt-file &lt;tenants.json&gt;  encrypt every plain-text secret in the file in place
 *   rotate-file &lt;tenants.json&gt;   re-encrypt every secret under the current (first) key
 * </pre>
 * Nothing here prints a secret or a key other than the one {@code generate-key} was asked for.
 */
public final class TenantSecretsTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            usage: TenantSecretsTool <command>
              generate-key [keyId]        print a new key entry keyId:base64 (put it first in MLC_ENCRYPTION_KEYS)
              encrypt                     read a value from stdin, print its enc:v1:... form
              encrypt-file <tenants.json> encrypt every plain-text secret in the file, in place
              rotate-file <tenants.json>  re-encrypt every secret under the current (first) key
            keys: MLC_ENCRYPTION_KEYS=<keyId>:<base64 32-byte key>[,<older keyId>:<key>...]""";

    private TenantSecretsTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0) {
            err.println(HELP);
            return USAGE;
        }
        try {
            switch (args[0]) {
                case "generate-key" -> {
                    String keyId = args.length > 1 ? args[1] : "k" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
                    out.println(KeyRing.generateEntry(keyId));
                    return OK;
                }
                case "encrypt" -> {
                    String value = readValue(in);
                    if (value.isEmpty()) {
                        err.println("nothing to encrypt: stdin was empty");
                        return USAGE;
                    }
                    out.println(cipher(env).encrypt(value));
                    return OK;
                }
                case "encrypt-file", "rotate-file" -> {
                    if (args.length != 2) {
                        err.println(HELP);
                        return USAGE;
                    }
                    Path file = Path.of(args[1]);
                    TenantFile tenants = new TenantFile(cipher(env));
                    int count = args[0].equals("encrypt-file")
                            ? tenants.encryptPlaintextSecrets(file)
                            : tenants.rotateSecrets(file);
                    // Read it back strictly, so a file we just wrote is known to load.
                    tenants.read(file);
                    out.println((args[0].equals("encrypt-file") ? "encrypted " : "re-encrypted ")
                            + count + " secret value(s) in " + file);
                    return OK;
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + HELP);
                    return USAGE;
                }
            }
        } catch (IllegalArgumentException | TenantFileException | SecretDecryptionException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static SecretCipher cipher(Map<String, String> env) {
        return new SecretCipher(KeyRing.fromEnvironment(env));
    }

    /** The whole of stdin without the trailing newline an `echo` or a terminal adds. */
    private static String readValue(InputStream in) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String value = bytes.toString(StandardCharsets.UTF_8);
            return value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read stdin: " + e.getMessage());
        }
    }
}
