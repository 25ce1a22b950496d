package radesk.core.renewal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * When the 憑證展期通知 and its reminders go out: at each stage, a number of days before notAfter
 * (default 30, 14, 7 and 1), counted in Taiwan's calendar days, never before the renewal window
 * opens (a certificate ending 31 March is first noticed when its window opens, on 28 or 29
 * February). A job that did not run for a while sends the stage reached now, not every one it
 * missed.
 */
public record NoticeStages(List<Integer> daysBefore) {

	public static final NoticeStages DEFAULT = new NoticeStages(List.of(30, 14, 7, 1));

	/** Days before notAfter, largest first: 1 to 31 each, no two the same. */
	public NoticeStages {
		List<Integer> sorted = new ArrayList<>(daysBefore);
		sorted.sort(java.util.Comparator.reverseOrder());
		if (sorted.isEmpty() || sorted.stream().distinct().count() != sorted.size() || sorted.get(sorted.size() - 1) < 1
				|| sorted.get(0) > 31) {
			throw new IllegalArgumentException("notice stages: distinct days from 1 to 31, e.g. 30,14,7,1");
		}
		daysBefore = List.copyOf(sorted);
	}

	/** "30,14,7,1" as an operator writes it. */
	public static NoticeStages parse(String text) {
		List<Integer> days = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				days.add(Integer.parseInt(part.strip()));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("notice stages: distinct days from 1 to 31, e.g. 30,14,7,1");
			}
		}
		return new NoticeStages(days);
	}

	/**
	 * The stage reached at {@code now} by a certificate ending {@code notAfter}: the fewest days
	 * before notAfter whose day has come; empty before the first stage (or the window) and once
	 * the certificate has expired.
	 */
	public OptionalInt reached(Instant notAfter, Instant now) {
		RenewalWindow window = RenewalWindow.forCertificateEnding(notAfter);
		if (window.phaseAt(now) != RenewalWindow.Phase.OPEN) {
			return OptionalInt.empty();
		}
		ZonedDateTime end = notAfter.atZone(RenewalWindow.TAIPEI);
		for (int i = daysBefore.size() - 1; i >= 0; i--) {
			int days = daysBefore.get(i);
			if (!now.isBefore(end.minusDays(days).toInstant())) {
				return OptionalInt.of(days);
			}
		}
		// the window opened before the first stage's day (a month shorter than the largest stage)
		return OptionalInt.of(daysBefore.get(0));
	}

	/** The largest stage: certificates ending within this many days (and a day) may be due. */
	public int first() {
		return daysBefore.get(0);
	}
}
