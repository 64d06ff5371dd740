package coach.install;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts workspace tokens at rest with AES-256-GCM (javax.crypto): a random 12-byte IV per value, a 128-bit tag,
 * and associated data that binds each value to its row (the team id), so a value copied into another row does not
 * decrypt. Stored form: {@code "v1:" + base64(iv || ciphertext || tag)}.
 *
 * <p>The key is COACH_TOKEN_KEY itself: 32 random bytes in base64 (for example {@code openssl rand -base64 32}).
 * Nothing is derived from a passphrase: a key of any other shape is refused at start-up.
 */
public final class TokenCipher {
    static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CHECK_PLAINTEXT = "interview-coach token key check";
    private static final String CHECK_CONTEXT = "key-check";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @throws IllegalStateException naming the variable (never its value) when the key is not 32 bytes of base64 */
    public static TokenCipher fromBase64Key(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != 32) {
            throw new IllegalStateException("COACH_TOKEN_KEY must be 32 random bytes in base64 "
                    + "(make one with: openssl rand -base64 32)");
        }
        return new TokenCipher(raw);
    }

    /** @param context the row the value belongs to (its team id): decrypting needs the same context */
    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @throws WrongKey when the value was sealed with another key, for another context, or was altered */
    public String decrypt(String stored, String context) throws WrongKey {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new WrongKey();
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongKey();
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new WrongKey();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A known value sealed with this key, to store once and check at every start ({@link #opens}). */
    public String newCheckValue() {
        return encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT);
    }

    /** True when {@code checkValue} was made by {@link #newCheckValue} with this same key. */
    public boolean opens(String checkValue) {
        try {
            return CHECK_PLAINTEXT.equals(decrypt(checkValue, CHECK_CONTEXT));
        } catch (WrongKey e) {
            return false;
        }
    }

    /** A stored value that this key cannot open. Carries no detail: the value is a secret. */
    public static final class WrongKey extends Exception {
        WrongKey() {
            super("the stored value does not open with this key", null, false, false);
        }
    }
}
