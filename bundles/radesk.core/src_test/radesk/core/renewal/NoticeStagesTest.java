package radesk.core.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class NoticeStagesTest {

	private static final Instant END = ZonedDateTime.of(2027, 3, 31, 23, 59, 59, 0, RenewalWindow.TAIPEI).toInstant();

	private static Instant daysBefore(double days) {
		return END.minus(Duration.ofMinutes((long) (days * 24 * 60)));
	}

	@Test
	void eachStageFromItsDayUntilTheNextAndNothingAfterExpiry() {
		NoticeStages stages = NoticeStages.DEFAULT;
		assertEquals(OptionalInt.empty(), stages.reached(END, daysBefore(40)), "before the window");
		assertEquals(OptionalInt.of(30), stages.reached(END, daysBefore(30)));
		assertEquals(OptionalInt.of(30), stages.reached(END, daysBefore(14.5)));
		assertEquals(OptionalInt.of(14), stages.reached(END, daysBefore(14)));
		assertEquals(OptionalInt.of(7), stages.reached(END, daysBefore(6)));
		assertEquals(OptionalInt.of(1), stages.reached(END, daysBefore(0.5)));
		assertEquals(OptionalInt.of(1), stages.reached(END, END), "notAfter itself is still valid");
		assertEquals(OptionalInt.empty(), stages.reached(END, END.plusSeconds(1)), "expired: no notice, only a new registration");
	}

	@Test
	void aShortMonthOpensTheWindowAfterTheFirstStagesDay() {
		// ends 28 March: the window opens 28 February, 28 days before — the first notice then, not earlier
		Instant end = ZonedDateTime.of(2027, 3, 28, 12, 0, 0, 0, RenewalWindow.TAIPEI).toInstant();
		Instant opens = RenewalWindow.forCertificateEnding(end).opens();
		assertEquals(OptionalInt.empty(), NoticeStages.DEFAULT.reached(end, opens.minusSeconds(1)));
		assertEquals(OptionalInt.of(30), NoticeStages.DEFAULT.reached(end, opens));
	}

	@Test
	void anOperatorsStagesAreCheckedAndSorted() {
		assertEquals(List.of(21, 3), NoticeStages.parse(" 3, 21").daysBefore());
		assertThrows(IllegalArgumentException.class, () -> NoticeStages.parse("30,30"));
		assertThrows(IllegalArgumentException.class, () -> NoticeStages.parse("0"));
		assertThrows(IllegalArgumentException.class, () -> NoticeStages.parse("45"));
		assertThrows(IllegalArgumentException.class, () -> NoticeStages.parse("thirty"));
		assertThrows(IllegalArgumentException.class, () -> NoticeStages.parse(""));
	}
}
