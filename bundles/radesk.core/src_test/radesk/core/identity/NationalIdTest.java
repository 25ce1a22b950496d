package radesk.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NationalIdTest {

	@ParameterizedTest
	@CsvSource({ "A123456789, NATIONAL_ID", "F131104093, NATIONAL_ID", "K200000002, NATIONAL_ID",
			"A800000014, RESIDENT_NEW_FORMAT", "B898765430, RESIDENT_NEW_FORMAT",
			"AC01234567, RESIDENT_OLD_FORMAT", "FD12345676, RESIDENT_OLD_FORMAT", "FA12345689, RESIDENT_OLD_FORMAT" })
	void acceptsValidNumbersOfEveryKind(String number, NationalId.Kind kind) throws Exception {
		NationalId id = NationalId.parse(number);
		assertEquals(kind, id.kind());
		assertEquals(number, id.value());
	}

	@Test
	void ignoresBlanksAndCase() throws Exception {
		assertEquals("A123456789", NationalId.parse("  a123456789 ").value());
	}

	@ParameterizedTest
	@ValueSource(strings = { "A123456788", "A123456780", "B123456789", "A800000015", "AC01234568", "A900000004" })
	void refusesAWrongCheckDigit(String number) {
		InvalidIdException e = assertThrows(InvalidIdException.class, () -> NationalId.parse(number));
		assertEquals(NationalId.Defect.WRONG_CHECKSUM, e.defect());
	}

	@ParameterizedTest
	@ValueSource(strings = { "A12345678", "A1234567890", "A" })
	void refusesAWrongLength(String number) {
		assertEquals(Optional.of(NationalId.Defect.WRONG_LENGTH), NationalId.check(number));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1123456789", "A323456789", "AE12345678", "A12345678X", "身123456789", "A1234 6789" })
	void refusesAWrongShape(String number) {
		assertEquals(Optional.of(NationalId.Defect.WRONG_FORMAT), NationalId.check(number));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void namesAnEmptyNumber(String number) {
		assertEquals(Optional.of(NationalId.Defect.EMPTY), NationalId.check(number));
	}

	@Test
	void masksAllButTheEnds() throws Exception {
		NationalId id = NationalId.parse("A123456789");
		assertEquals("A******789", id.masked());
		assertEquals("A******789", id.toString());
	}
}
