package radesk.core.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Taiwanese personal identifier as it appears on the registration form: the national ID
 * (身分證字號, e.g. A123456789) or a resident certificate number (居留證), in the pre-2021 form
 * with a second letter (A–D) or the 2021 form with 8/9 as the second character.
 * All three share one weighted checksum over ten digits.
 */
public final class NationalId {

	/** The number each area letter stands for, indexed by {@code letter - 'A'}. */
	private static final int[] AREA_CODES = { 10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24,
			25, 26, 27, 28, 29, 32, 30, 31, 33 };
	private static final int[] WEIGHTS = { 1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1 };

	/** Which document the number belongs to. */
	public enum Kind {
		NATIONAL_ID, RESIDENT_OLD_FORMAT, RESIDENT_NEW_FORMAT
	}

	/** Why a number was refused. */
	public enum Defect {
		EMPTY, WRONG_LENGTH, WRONG_FORMAT, WRONG_CHECKSUM
	}

	private final String value;
	private final Kind kind;

	private NationalId(String value, Kind kind) {
		this.value = value;
		this.kind = kind;
	}

	/** Parses a number typed by a person: surrounding blanks are ignored and letters may be lower case. */
	public static NationalId parse(String input) throws InvalidIdException {
		String s = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
		Defect defect = defectOf(s);
		if (defect != null) {
			throw new InvalidIdException(defect);
		}
		return new NationalId(s, kindOf(s));
	}

	/** The defect of a number, or empty when it is a valid identifier. */
	public static Optional<Defect> check(String input) {
		String s = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
		return Optional.ofNullable(defectOf(s));
	}

	private static Defect defectOf(String s) {
		if (s.isEmpty()) {
			return Defect.EMPTY;
		}
		if (s.length() != 10) {
			return Defect.WRONG_LENGTH;
		}
		if (!isLetter(s.charAt(0)) || !allDigits(s, 2) || kindOf(s) == null) {
			return Defect.WRONG_FORMAT;
		}
		return checksumHolds(s) ? null : Defect.WRONG_CHECKSUM;
	}

	private static Kind kindOf(String s) {
		char second = s.charAt(1);
		if (second == '1' || second == '2') {
			return Kind.NATIONAL_ID;
		}
		if (second == '8' || second == '9') {
			return Kind.RESIDENT_NEW_FORMAT;
		}
		if (second >= 'A' && second <= 'D') {
			return Kind.RESIDENT_OLD_FORMAT;
		}
		return null;
	}

	private static boolean checksumHolds(String s) {
		int area = AREA_CODES[s.charAt(0) - 'A'];
		int[] digits = new int[11];
		digits[0] = area / 10;
		digits[1] = area % 10;
		char second = s.charAt(1);
		// the old resident format writes its second digit as a letter: the ones digit of that letter's code
		digits[2] = Character.isDigit(second) ? second - '0' : AREA_CODES[second - 'A'] % 10;
		for (int i = 2; i < 10; i++) {
			digits[i + 1] = s.charAt(i) - '0';
		}
		int sum = 0;
		for (int i = 0; i < digits.length; i++) {
			sum += digits[i] * WEIGHTS[i];
		}
		return sum % 10 == 0;
	}

	private static boolean isLetter(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean allDigits(String s, int from) {
		for (int i = from; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	public Kind kind() {
		return kind;
	}

	/** The canonical form: upper case, no blanks. */
	public String value() {
		return value;
	}

	/** For lists and logs: the first and the last three characters only. */
	public String masked() {
		return value.charAt(0) + "******" + value.substring(7);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof NationalId other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
