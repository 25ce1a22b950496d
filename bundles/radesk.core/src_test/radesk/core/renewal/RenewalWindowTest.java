package radesk.core.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import radesk.core.renewal.RenewalWindow.Phase;

class RenewalWindowTest {

	private static Instant taipei(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(RenewalWindow.TAIPEI).toInstant();
	}

	@Test
	void opensOneCalendarMonthBeforeNotAfter() {
		RenewalWindow w = RenewalWindow.forCertificateEnding(taipei("2027-06-15T12:00:00"));
		assertEquals(taipei("2027-05-15T12:00:00"), w.opens());
		assertEquals(Phase.TOO_EARLY, w.phaseAt(taipei("2027-05-15T11:59:59")));
		assertEquals(Phase.OPEN, w.phaseAt(taipei("2027-05-15T12:00:00")));
		assertEquals(Phase.OPEN, w.phaseAt(taipei("2027-06-15T12:00:00")));
		assertEquals(Phase.EXPIRED, w.phaseAt(taipei("2027-06-15T12:00:01")));
	}

	@Test
	void aMonthEndClampsToTheShorterMonth() {
		assertEquals(taipei("2027-02-28T23:59:59"), RenewalWindow.forCertificateEnding(taipei("2027-03-31T23:59:59")).opens());
		assertEquals(taipei("2028-02-29T23:59:59"), RenewalWindow.forCertificateEnding(taipei("2028-03-31T23:59:59")).opens());
	}

	@Test
	void countsInTaipeiTimeNotUtc() {
		// 1 March 00:30 in Taipei is still 28 February in UTC: the month is taken in Taipei
		Instant notAfter = taipei("2027-03-01T00:30:00");
		assertEquals(taipei("2027-02-01T00:30:00"), RenewalWindow.forCertificateEnding(notAfter).opens());
	}
}
