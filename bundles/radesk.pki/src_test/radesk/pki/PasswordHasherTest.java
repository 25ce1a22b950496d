package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

	private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

	@Test
	void aHashMatchesItsPasswordOnly() {
		String stored = hasher.hash("Kx7-網站密碼".toCharArray());
		assertTrue(stored.startsWith("$argon2id$v=19$m=65536,t=3,p=1$"), stored);
		assertTrue(PasswordHasher.matches("Kx7-網站密碼".toCharArray(), stored));
		assertFalse(PasswordHasher.matches("Kx7-網站密碥".toCharArray(), stored));
		assertFalse(PasswordHasher.matches("".toCharArray(), stored));
	}

	@Test
	void theSamePasswordHashesDifferentlyEachTime() {
		assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
	}

	@Test
	void aMalformedStoredHashNeverMatches() {
		assertFalse(PasswordHasher.matches("x".toCharArray(), null));
		assertFalse(PasswordHasher.matches("x".toCharArray(), "plaintext"));
		assertFalse(PasswordHasher.matches("x".toCharArray(), "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"));
		assertFalse(PasswordHasher.matches("x".toCharArray(), "$argon2id$v=19$m=oops,t=1,p=1$AAAA$AAAA"));
	}

	@Test
	void verifiesAHashMadeByTheReferenceImplementation() {
		// made with Debian's argon2 (the reference C implementation):
		// echo -n password | argon2 somesaltsomesalt -id -t 2 -m 10 -p 1 -l 32 -e
		String reference = "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA";
		assertTrue(PasswordHasher.matches("password".toCharArray(), reference));
		assertFalse(PasswordHasher.matches("Password".toCharArray(), reference));
	}
}
