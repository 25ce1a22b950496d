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
	void aNameFitsACertificatesCommonNameAndHoldsNoInvisibleCharacters() {
		assertEquals(64, WalkInForm.MAX_NAME_LENGTH, "RFC 5280 ub-common-name");
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.UNPRINTABLE)),
				new WalkInForm("王小明\u202Egnim", "A123456789", "a@b.tw", "HQ").problems(UNITS), "a bidi override");
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.UNPRINTABLE)),
				new WalkInForm("王\u200B小明", "A123456789", "a@b.tw", "HQ").problems(UNITS), "a zero-width space");
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.UNPRINTABLE)),
				new WalkInForm("王小明\u0007", "A123456789", "a@b.tw", "HQ").problems(UNITS), "a control character");
		assertTrue(new WalkInForm("Chen-Lin Mei-Ling 陳林美玲", "A123456789", "a@b.tw", "HQ").problems(UNITS).isEmpty());
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

	private static WalkInForm withDetails(String phone, String address, String organization, String businessNumber,
			Set<ProofDocument> documents) {
		return new WalkInForm("王小明", "A123456789", "ming@example.com.tw", "HQ", phone, address, organization, businessNumber,
				documents);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0912-345-678", "0912345678", "(02) 2345-6789", "02-23456789#123", "+886 912 345 678", "07-1234567" })
	void acceptsTaiwanesePhoneNumbers(String phone) {
		assertEquals(List.of(), withDetails(phone, "", "", "", Set.of()).problems(UNITS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "0912-345", "phone me", "0912345678901" })
	void refusesWhatIsNoPhoneNumber(String phone) {
		assertEquals(List.of(new FieldProblem(Field.PHONE, Problem.PHONE_MALFORMED)),
				withDetails(phone, "", "", "", Set.of()).problems(UNITS));
	}

	@Test
	void anAddressStartsWithItsPostalCode() {
		assertEquals(List.of(), withDetails("", "100 臺北市中正區重慶南路一段122號", "", "", Set.of()).problems(UNITS));
		assertEquals(List.of(), withDetails("", "10048臺北市中正區重慶南路一段122號", "", "", Set.of()).problems(UNITS));
		assertEquals(List.of(new FieldProblem(Field.ADDRESS, Problem.ADDRESS_NO_POSTCODE)),
				withDetails("", "臺北市中正區重慶南路一段122號", "", "", Set.of()).problems(UNITS));
		assertEquals(List.of(new FieldProblem(Field.ADDRESS, Problem.TOO_LONG)),
				withDetails("", "100 " + "路".repeat(WalkInForm.MAX_ADDRESS_LENGTH), "", "", Set.of()).problems(UNITS));
	}

	@Test
	void anOrganizationNeedsItsNameAndAValidBusinessNumber() {
		assertEquals(List.of(), withDetails("", "", "財團法人範例基金會", "22099131", Set.of()).problems(UNITS));
		assertEquals(List.of(new FieldProblem(Field.BUSINESS_NUMBER, Problem.BUSINESS_NUMBER_WRONG_CHECKSUM)),
				withDetails("", "", "範例公司", "12345678", Set.of()).problems(UNITS));
		assertEquals(List.of(new FieldProblem(Field.ORGANIZATION, Problem.REQUIRED),
				new FieldProblem(Field.BUSINESS_NUMBER, Problem.BUSINESS_NUMBER_WRONG_FORMAT)),
				withDetails("", "", "", "2209913", Set.of()).problems(UNITS));
		assertEquals(List.of(new FieldProblem(Field.BUSINESS_NUMBER, Problem.REQUIRED)),
				withDetails("", "", "範例公司", "", Set.of()).problems(UNITS));
	}

	@Test
	void theDocumentsNeededDependOnWhoApplies() {
		FieldProblem missing = new FieldProblem(Field.DOCUMENTS, Problem.DOCUMENTS_MISSING);
		assertEquals(List.of(missing), withDetails("", "", "", "", Set.of()).documentProblems());
		assertEquals(List.of(), withDetails("", "", "", "", Set.of(ProofDocument.ID_CARD_COPY)).documentProblems());
		assertEquals(List.of(), withDetails("", "", "", "", Set.of(ProofDocument.RESIDENT_CERTIFICATE_COPY)).documentProblems());
		assertEquals(List.of(missing),
				withDetails("", "", "範例公司", "22099131", Set.of(ProofDocument.ID_CARD_COPY)).documentProblems());
		assertEquals(List.of(), withDetails("", "", "範例公司", "22099131", Set.of(ProofDocument.ID_CARD_COPY,
				ProofDocument.ORGANIZATION_REGISTRATION, ProofDocument.AUTHORIZATION_LETTER)).documentProblems());
	}
}
