package radesk.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.core.certificate.CertificateEvent;
import radesk.core.certificate.CertificateFlow;
import radesk.core.certificate.CertificateState;
import radesk.core.registration.Channel;
import radesk.core.registration.RegistrationFlow;
import radesk.core.registration.RequestEvent;
import radesk.core.registration.RequestState;
import radesk.core.review.FormEvent;
import radesk.core.review.FormFlow;
import radesk.core.review.FormState;

/**
 * Every state × every event of every flow: the allowed ones lead where DESIGN.md says, and every
 * other pair is refused with the state and event named.
 */
class FlowsTest {

	private static <S extends Enum<S>, E extends Enum<E>> Map<String, String> allowed(Object... triples) {
		Map<String, String> m = new HashMap<>();
		for (int i = 0; i < triples.length; i += 3) {
			m.put(triples[i] + "/" + triples[i + 1], triples[i + 2].toString());
		}
		return m;
	}

	private static <S extends Enum<S>, E extends Enum<E>> Stream<Arguments> everyPair(String name,
			Transitions<S, E> flow, Class<S> states, Class<E> events, Map<String, String> expected) {
		return EnumSet.allOf(states).stream().flatMap(s -> EnumSet.allOf(events).stream()
				.map(e -> Arguments.of(name, flow, s, e, Optional.ofNullable(expected.get(s + "/" + e)))));
	}

	static Stream<Arguments> pairs() {
		Map<String, String> registration = allowed(
				RequestState.RECEIVED, RequestEvent.START_REVIEW, RequestState.IN_REVIEW,
				RequestState.IN_REVIEW, RequestEvent.APPROVE, RequestState.APPROVED,
				RequestState.IN_REVIEW, RequestEvent.REJECT, RequestState.REJECTED,
				RequestState.APPROVED, RequestEvent.REGISTER, RequestState.REGISTERED,
				RequestState.REGISTERED, RequestEvent.DELIVER, RequestState.DELIVERED);
		Map<String, String> card = allowed(
				CardState.BLANK, CardEvent.PERSONALIZE, CardState.PERSONALIZED,
				CardState.PERSONALIZED, CardEvent.ISSUE, CardState.ISSUED,
				CardState.ISSUED, CardEvent.LOCK, CardState.LOCKED,
				CardState.LOCKED, CardEvent.UNLOCK, CardState.ISSUED,
				CardState.ISSUED, CardEvent.APPLY, CardState.ISSUED,
				CardState.BLANK, CardEvent.RETIRE, CardState.RETIRED,
				CardState.PERSONALIZED, CardEvent.RETIRE, CardState.RETIRED,
				CardState.ISSUED, CardEvent.RETIRE, CardState.RETIRED,
				CardState.LOCKED, CardEvent.RETIRE, CardState.RETIRED);
		Map<String, String> certificate = allowed(
				CertificateState.ISSUED_NOT_ON_CARD, CertificateEvent.WRITE_TO_CARD, CertificateState.ON_CARD,
				CertificateState.ON_CARD, CertificateEvent.WRITE_TO_CARD, CertificateState.ON_CARD,
				CertificateState.ON_CARD, CertificateEvent.SUPERSEDE, CertificateState.SUPERSEDED,
				CertificateState.ISSUED_NOT_ON_CARD, CertificateEvent.REVOKE, CertificateState.REVOKED,
				CertificateState.ON_CARD, CertificateEvent.REVOKE, CertificateState.REVOKED,
				CertificateState.SUPERSEDED, CertificateEvent.REVOKE, CertificateState.REVOKED,
				CertificateState.ISSUED_NOT_ON_CARD, CertificateEvent.EXPIRE, CertificateState.EXPIRED,
				CertificateState.ON_CARD, CertificateEvent.EXPIRE, CertificateState.EXPIRED,
				CertificateState.SUPERSEDED, CertificateEvent.EXPIRE, CertificateState.EXPIRED,
				// 暫禁 and 恢復使用: in use → on hold → back in use, revoked, or expired
				CertificateState.ISSUED_NOT_ON_CARD, CertificateEvent.SUSPEND, CertificateState.SUSPENDED,
				CertificateState.ON_CARD, CertificateEvent.SUSPEND, CertificateState.SUSPENDED,
				CertificateState.SUSPENDED, CertificateEvent.RESUME, CertificateState.ON_CARD,
				CertificateState.SUSPENDED, CertificateEvent.REVOKE, CertificateState.REVOKED,
				CertificateState.SUSPENDED, CertificateEvent.EXPIRE, CertificateState.EXPIRED);
		Map<String, String> form = allowed(
				FormState.RECEIVED, FormEvent.START_REVIEW, FormState.IN_REVIEW,
				FormState.IN_REVIEW, FormEvent.APPROVE, FormState.APPROVED,
				FormState.IN_REVIEW, FormEvent.REJECT, FormState.REJECTED,
				FormState.APPROVED, FormEvent.CARRY_OUT, FormState.CARRIED_OUT);
		return Stream.of(
				everyPair("registration", RegistrationFlow.TRANSITIONS, RequestState.class, RequestEvent.class, registration),
				everyPair("card", CardFlow.TRANSITIONS, CardState.class, CardEvent.class, card),
				everyPair("certificate", CertificateFlow.TRANSITIONS, CertificateState.class, CertificateEvent.class, certificate),
				everyPair("form", FormFlow.TRANSITIONS, FormState.class, FormEvent.class, form)).flatMap(s -> s);
	}

	@ParameterizedTest(name = "{0}: {2} --{3}--> {4}")
	@MethodSource("pairs")
	<S extends Enum<S>, E extends Enum<E>> void followsTheTable(String name, Transitions<S, E> flow, S from, E event,
			Optional<String> expected) {
		if (expected.isPresent()) {
			assertEquals(expected.get(), assertDoesNotThrow(flow, from, event).toString());
		} else {
			IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> flow.next(from, event));
			assertEquals(from, e.from());
			assertEquals(event, e.event());
			assertTrue(e.getMessage().contains(from.toString()) && e.getMessage().contains(event.toString()),
					e.getMessage());
		}
	}

	private static <S extends Enum<S>, E extends Enum<E>> S assertDoesNotThrow(Transitions<S, E> flow, S from, E event) {
		try {
			return flow.next(from, event);
		} catch (IllegalTransitionException e) {
			throw new AssertionError(name(flow) + " refused " + from + " --" + event, e);
		}
	}

	private static String name(Transitions<?, ?> flow) {
		return flow.toString();
	}

	@Test
	void finalStatesAreTheEndsOfEachLife() {
		Set<RequestState> registrationEnds = EnumSet.noneOf(RequestState.class);
		for (RequestState s : RequestState.values()) {
			if (RegistrationFlow.TRANSITIONS.isFinal(s)) {
				registrationEnds.add(s);
			}
		}
		assertEquals(EnumSet.of(RequestState.REJECTED, RequestState.DELIVERED), registrationEnds);
		assertTrue(CardFlow.TRANSITIONS.isFinal(CardState.RETIRED));
		assertTrue(CertificateFlow.TRANSITIONS.isFinal(CertificateState.REVOKED));
		assertTrue(CertificateFlow.TRANSITIONS.isFinal(CertificateState.EXPIRED));
	}

	@Test
	void aCounterFormStartsInReviewAPostalFormAsReceived() {
		assertEquals(RequestState.IN_REVIEW, RegistrationFlow.initialState(Channel.COUNTER));
		assertEquals(RequestState.RECEIVED, RegistrationFlow.initialState(Channel.POSTAL));
	}

	@Test
	void aTableCannotDefineOnePairTwice() {
		assertThrows(IllegalStateException.class, () -> Transitions.of("x", CardState.class, CardEvent.class)
				.on(CardEvent.ISSUE, CardState.ISSUED, CardState.BLANK).on(CardEvent.ISSUE, CardState.LOCKED, CardState.BLANK));
	}
}
