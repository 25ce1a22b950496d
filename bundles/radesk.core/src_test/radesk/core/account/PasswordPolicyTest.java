package radesk.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private static Optional<PasswordPolicy.Breach> check(String p) {
		return PasswordPolicy.check(p.toCharArray(), "ming2026");
	}

	@Test
	void acceptsAPasswordThatKeepsTheRule() {
		assertEquals(Optional.empty(), check("tea4two-Taipei"));
		assertEquals(Optional.empty(), check("密碼很長而且有數字1"));
	}

	@Test
	void namesEachBreach() {
		assertEquals(Optional.of(PasswordPolicy.Breach.TOO_SHORT), check("abc123"));
		assertEquals(Optional.of(PasswordPolicy.Breach.TOO_LONG), check("a1".repeat(33)));
		assertEquals(Optional.of(PasswordPolicy.Breach.NEEDS_LETTER_AND_DIGIT), check("onlyletters"));
		assertEquals(Optional.of(PasswordPolicy.Breach.NEEDS_LETTER_AND_DIGIT), check("1234567890"));
		assertEquals(Optional.of(PasswordPolicy.Breach.CONTAINS_ACCOUNT), check("xMING2026x9"));
	}
}
