package radesk.core.identity;

import java.util.Optional;

/**
 * 統一編號, the eight-digit business administration number of an organization. Since 2023 the
 * weighted digit sum must be divisible by 5 (it was 10 before; every old number still passes).
 * When the seventh digit is 7 its product 28 counts either as 1 or as 0.
 */
public final class BusinessNumber {

	private static final int[] WEIGHTS = { 1, 2, 1, 2, 1, 2, 4, 1 };

	public enum Defect {
		EMPTY, WRONG_FORMAT, WRONG_CHECKSUM
	}

	private final String value;

	private BusinessNumber(String value) {
		this.value = value;
	}

	public static BusinessNumber parse(String input) throws InvalidIdException {
		String s = input == null ? "" : input.strip();
		Optional<Defect> defect = check(s);
		if (defect.isPresent()) {
			throw new InvalidIdException(defect.get());
		}
		return new BusinessNumber(s);
	}

	public static Optional<Defect> check(String input) {
		String s = input == null ? "" : input.strip();
		if (s.isEmpty()) {
			return Optional.of(Defect.EMPTY);
		}
		if (!s.matches("[0-9]{8}")) {
			return Optional.of(Defect.WRONG_FORMAT);
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			int product = (s.charAt(i) - '0') * WEIGHTS[i];
			sum += product / 10 + product % 10;
		}
		boolean seventhIsSeven = s.charAt(6) == '7';
		// with a 7 in place seven the sum above counted 28 as 2+8=10; the rule lets it count as 1 or as 0
		boolean valid = seventhIsSeven ? (sum - 9) % 5 == 0 || (sum - 10) % 5 == 0 : sum % 5 == 0;
		return valid ? Optional.empty() : Optional.of(Defect.WRONG_CHECKSUM);
	}

	public String value() {
		return value;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof BusinessNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
