package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import radesk.core.certificate.NewestFirst;

/** The one order of certificates: the RA's list and the card log-in's choice agree even on a tie. */
class NewestFirstTest {

	record Cert(String name, Instant notBefore, Instant notAfter, BigInteger serial) {
	}

	@Test
	void latestExpiryThenLatestStartThenLargerSerial() {
		Instant day = Instant.parse("2026-12-02T08:00:00Z");
		Cert older = new Cert("older", day.minusSeconds(86_400), day.plusSeconds(86_400 * 365), BigInteger.valueOf(900));
		Cert sameSecondA = new Cert("a", day, day.plusSeconds(86_400 * 730), BigInteger.valueOf(17));
		Cert sameSecondB = new Cert("b", day, day.plusSeconds(86_400 * 730), BigInteger.valueOf(300));
		Cert laterStart = new Cert("later start", day.plusSeconds(1), day.plusSeconds(86_400 * 730), BigInteger.ONE);
		List<Cert> sorted = List.of(older, sameSecondA, laterStart, sameSecondB).stream()
				.sorted(NewestFirst.of(Cert::notAfter, Cert::notBefore, Cert::serial)).toList();
		assertEquals(List.of("later start", "b", "a", "older"), sorted.stream().map(Cert::name).toList());
	}
}
