package radesk.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "22099131", "04595257" })
	void acceptsNumbersValidUnderTheOldRuleToo(String number) {
		assertTrue(BusinessNumber.check(number).isEmpty());
	}

	@Test
	void acceptsASumDivisibleByFiveButNotByTen() {
		// weighted sum 5: refused before 2023, valid under the current rule
		assertTrue(BusinessNumber.check("00000005").isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "10458574", "10458575" })
	void seventhDigitSevenCountsAsOneOrZero(String number) {
		// sums 29 and 30 with 28 counted as 10: valid only because it may count as 1 (29-9) or 0 (30-10)
		assertTrue(BusinessNumber.check(number).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "22099132", "10458576", "12345678" })
	void refusesAWrongChecksum(String number) {
		assertEquals(Optional.of(BusinessNumber.Defect.WRONG_CHECKSUM), BusinessNumber.check(number));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2209913", "220991311", "2209913A", "２２０９９１３１" })
	void refusesAnythingButEightAsciiDigits(String number) {
		assertEquals(Optional.of(BusinessNumber.Defect.WRONG_FORMAT), BusinessNumber.check(number));
	}
}
