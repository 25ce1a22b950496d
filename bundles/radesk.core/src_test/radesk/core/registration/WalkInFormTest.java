package radesk.core.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalkInFormTest {

	private static final Set<String> UNITS = Set.of("HQ");

	@Test
	void aCompleteFormHasNoProblems() {
		assertEquals(List.of(), new WalkInForm("王小明", "A123456789", "ming@example.com.tw", "HQ").problems(UNITS));
	}

	@Test
	void trimsWhatWasTyped() {
		WalkInForm form = new WalkInForm(" 王小明 ", " a123456789", "ming@example.com.tw ", " HQ");
		assertEquals("王小明", form.name());
		assertEquals("A123456789", form.nationalId());
		assertTrue(form.problems(UNITS).isEmpty());
	}

	@Test
	void reportsEveryProblemAtOnce() {
		InvalidFormException e = assertThrows(InvalidFormException.class,
				() -> new WalkInForm(" ", "A123456788", "ming@", "").validate(UNITS));
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.REQUIRED),
				new FieldProblem(Field.NATIONAL_ID, Problem.ID_WRONG_CHECKSUM),
				new FieldProblem(Field.EMAIL, Problem.EMAIL_MALFORMED),
				new FieldProblem(Field.RA_UNIT, Problem.REQUIRED)), e.problems());
	}

	@Test
	void refusesAnUnknownRaUnit() {
		assertEquals(List.of(new FieldProblem(Field.RA_UNIT, Problem.UNKNOWN_RA_UNIT)),
				new WalkInForm("王小明", "A123456789", "ming@example.com", "Elsewhere").problems(UNITS));
	}

	@Test
	void countsNameLengthInCharactersNotBytes() {
		String hundredHanzi = "王".repeat(WalkInForm.MAX_NAME_LENGTH);
		assertTrue(new WalkInForm(hundredHanzi, "A123456789", "a@b.tw", "HQ").problems(UNITS).isEmpty());
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.TOO_LONG)),
				new WalkInForm(hundredHanzi + "王", "A123456789", "a@b.tw", "HQ").problems(UNITS));
	}

	@Test
	void refusesAnOversizedEmail() {
		String address = "a".repeat(64) + "@" + (".b" + "b".repeat(62)).repeat(3).substring(1) + ".tw"; // 259 characters, over the 254 limit
		assertEquals(List.of(new FieldProblem(Field.EMAIL, Problem.TOO_LONG)),
				new WalkInForm("王小明", "A123456789", address, "HQ").problems(UNITS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "a@b", "a@@b.tw", "a b@c.tw", "@c.tw", "a@.tw", "a@b..tw", ".a@b.tw", "a.@b.tw",
			"a@-b.tw" })
	void refusesMalformedEmail(String address) {
		assertEquals(List.of(new FieldProblem(Field.EMAIL, Problem.EMAIL_MALFORMED)),
				new WalkInForm("王小明", "A123456789", address, "HQ").problems(UNITS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b.tw", "first.last+ra@mail.example.com.tw", "x_y-z@sub-domain.example.org" })
	void acceptsOrdinaryEmail(String address) {
		assertTrue(EmailAddress.isWellFormed(address));
	}
}
