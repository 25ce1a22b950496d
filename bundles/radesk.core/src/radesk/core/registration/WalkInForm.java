package radesk.core.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import radesk.core.identity.NationalId;

/**
 * A person's registration form as typed at the counter (臨櫃). {@link #validate} applies every
 * field rule at once, so the clerk sees all problems together, next to their fields.
 */
public record WalkInForm(String name, String nationalId, String email, String raUnit) {

	public static final int MAX_NAME_LENGTH = 100;

	/** Blanks around what was typed are not part of it. */
	public WalkInForm {
		name = strip(name);
		nationalId = strip(nationalId).toUpperCase(java.util.Locale.ROOT);
		email = strip(email);
		raUnit = strip(raUnit);
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
