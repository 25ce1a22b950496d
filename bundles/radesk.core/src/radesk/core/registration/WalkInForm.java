package radesk.core.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import radesk.core.identity.NationalId;

/**
 * A registration form (憑證註冊申請單) as typed at the counter (臨櫃) or from the post: the
 * applicant, how to reach them, for an organization its name and 統一編號, and the documents
 * handed in. {@link #validate} applies every field rule at once, so the clerk sees all problems
 * together, next to their fields; phone, address and organization are optional.
 */
public record WalkInForm(String name, String nationalId, String email, String raUnit, String phone, String address,
		String organization, String businessNumber, Set<ProofDocument> documents) {

	/** The applicant's name goes into the certificate's commonName, which RFC 5280 bounds at 64. */
	public static final int MAX_NAME_LENGTH = 64;
	public static final int MAX_ORGANIZATION_LENGTH = 100;
	public static final int MAX_ADDRESS_LENGTH = 200;
	/** 09xxxxxxxx, 0x-xxxxxxx(x) with an extension after #, or +886…, once spaces, dashes and brackets are gone. */
	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("(\\+886|0)\\d{8,9}(#\\d{1,6})?");
	/** A Taiwanese address starts with its 3-, 5- or 6-digit postal code (郵遞區號). */
	private static final java.util.regex.Pattern POSTCODE = java.util.regex.Pattern.compile("(\\d{3}|\\d{5,6})\\s*\\D.*");

	/** A person's form with the four fields every form has. */
	public WalkInForm(String name, String nationalId, String email, String raUnit) {
		this(name, nationalId, email, raUnit, "", "", "", "", Set.of());
	}

	/** Blanks around what was typed are not part of it. */
	public WalkInForm {
		name = strip(name);
		nationalId = strip(nationalId).toUpperCase(java.util.Locale.ROOT);
		email = strip(email);
		raUnit = strip(raUnit);
		phone = strip(phone);
		address = strip(address);
		organization = strip(organization);
		businessNumber = strip(businessNumber);
		documents = documents == null || documents.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(documents));
	}

	/** The same form with these documents ticked off. */
	public WalkInForm withDocuments(ProofDocument... handedIn) {
		return new WalkInForm(name, nationalId, email, raUnit, phone, address, organization, businessNumber,
				handedIn.length == 0 ? Set.of() : java.util.EnumSet.copyOf(java.util.Arrays.asList(handedIn)));
	}

	public boolean isOrganization() {
		return !organization.isEmpty() || !businessNumber.isEmpty();
	}

	/** The phone number as stored: digits, a leading +, and # before an extension. */
	public String phoneDigits() {
		return phone.replaceAll("[\\s()\\-]", "");
	}

	/**
	 * What is missing from the documents handed in: an identity document always, and for an
	 * organization its registration and the applicant's authorization.
	 */
	public List<FieldProblem> documentProblems() {
		boolean identity = documents.contains(ProofDocument.ID_CARD_COPY) || documents.contains(ProofDocument.RESIDENT_CERTIFICATE_COPY);
		boolean organizationPapers = !isOrganization() || documents.contains(ProofDocument.ORGANIZATION_REGISTRATION)
				&& documents.contains(ProofDocument.AUTHORIZATION_LETTER);
		return identity && organizationPapers ? List.of() : List.of(new FieldProblem(Field.DOCUMENTS, Problem.DOCUMENTS_MISSING));
	}

	/**
	 * No control, format (bidi overrides such as U+202E, zero-width characters), private-use or
	 * unassigned code points: what a name shows must be what the certificate says.
	 */
	public static boolean printable(String text) {
		return text.codePoints().allMatch(cp -> switch (Character.getType(cp)) {
		case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
		default -> true;
		});
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}

	/** Every problem of this form, given the RA units that exist; empty when it may be stored. */
	public List<FieldProblem> problems(Set<String> knownRaUnits) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name.isEmpty()) {
			problems.add(new FieldProblem(Field.NAME, Problem.REQUIRED));
		} else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
			problems.add(new FieldProblem(Field.NAME, Problem.TOO_LONG));
		} else if (!printable(name)) {
			problems.add(new FieldProblem(Field.NAME, Problem.UNPRINTABLE));
		}
		idProblem().ifPresent(p -> problems.add(new FieldProblem(Field.NATIONAL_ID, p)));
		if (email.isEmpty()) {
			problems.add(new FieldProblem(Field.EMAIL, Problem.REQUIRED));
		} else if (email.length() > EmailAddress.MAX_LENGTH) {
			problems.add(new FieldProblem(Field.EMAIL, Problem.TOO_LONG));
		} else if (!EmailAddress.isWellFormed(email)) {
			problems.add(new FieldProblem(Field.EMAIL, Problem.EMAIL_MALFORMED));
		}
		if (raUnit.isEmpty()) {
			problems.add(new FieldProblem(Field.RA_UNIT, Problem.REQUIRED));
		} else if (!knownRaUnits.contains(raUnit)) {
			problems.add(new FieldProblem(Field.RA_UNIT, Problem.UNKNOWN_RA_UNIT));
		}
		if (!phone.isEmpty() && !PHONE.matcher(phoneDigits()).matches()) {
			problems.add(new FieldProblem(Field.PHONE, Problem.PHONE_MALFORMED));
		}
		if (address.codePointCount(0, address.length()) > MAX_ADDRESS_LENGTH) {
			problems.add(new FieldProblem(Field.ADDRESS, Problem.TOO_LONG));
		} else if (!address.isEmpty() && !POSTCODE.matcher(address).matches()) {
			problems.add(new FieldProblem(Field.ADDRESS, Problem.ADDRESS_NO_POSTCODE));
		}
		if (isOrganization()) {
			if (organization.isEmpty()) {
				problems.add(new FieldProblem(Field.ORGANIZATION, Problem.REQUIRED));
			} else if (organization.codePointCount(0, organization.length()) > MAX_ORGANIZATION_LENGTH) {
				problems.add(new FieldProblem(Field.ORGANIZATION, Problem.TOO_LONG));
			}
			radesk.core.identity.BusinessNumber.check(businessNumber).ifPresent(defect -> problems.add(new FieldProblem(
					Field.BUSINESS_NUMBER, switch (defect) {
					case EMPTY -> Problem.REQUIRED;
					case WRONG_FORMAT -> Problem.BUSINESS_NUMBER_WRONG_FORMAT;
					case WRONG_CHECKSUM -> Problem.BUSINESS_NUMBER_WRONG_CHECKSUM;
					})));
		}
		return problems;
	}

	/** Throws with every problem when the form may not be stored. */
	public void validate(Set<String> knownRaUnits) throws InvalidFormException {
		List<FieldProblem> problems = problems(knownRaUnits);
		if (!problems.isEmpty()) {
			throw new InvalidFormException(problems);
		}
	}

	private Optional<Problem> idProblem() {
		return NationalId.check(nationalId).map(defect -> switch (defect) {
		case EMPTY -> Problem.REQUIRED;
		case WRONG_LENGTH -> Problem.ID_WRONG_LENGTH;
		case WRONG_FORMAT -> Problem.ID_WRONG_FORMAT;
		case WRONG_CHECKSUM -> Problem.ID_WRONG_CHECKSUM;
		});
	}
}
