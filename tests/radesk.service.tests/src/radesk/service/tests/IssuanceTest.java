package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CardDesk;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.SearchDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.audit.AuditEntry;
import radesk.core.card.CardState;
import radesk.core.registration.RequestState;
import radesk.testing.SoftHsm;

/** 註冊 → 晶片卡 → 密碼單 → 交付: what the counter owes, slips printed once, the card leaving with a record. */
class IssuanceTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	private static Issuance pendingOf(long requestId) throws ServiceException {
		return Services.await(IssuanceDesk.class).pending(Staff.CLERK).stream().filter(i -> i.request().id() == requestId)
				.findFirst().orElseThrow(() -> new AssertionError("request " + requestId + " is not pending"));
	}

	@Test
	void aCardLeavesOnlyWithItsSlipsPrintedOnceAndTheHandOverRecorded() throws Exception {
		IssuanceDesk desk = Services.await(IssuanceDesk.class);
		Journey j = Journey.toRegisteredSubscriber();
		Issuance registered = pendingOf(j.request.id());
		assertEquals(RequestState.REGISTERED, registered.request().state());
		assertEquals(j.subscriber.account(), registered.account());
		assertEquals(null, registered.cardSerial(), "no card yet");

		j.card = Journey.personalize(j.subscriber.subscriberId(), Journey.blankSlot());
		Issuance personalized = pendingOf(j.request.id());
		assertEquals(j.card.serial(), personalized.cardSerial());
		assertEquals(CardState.PERSONALIZED, personalized.cardState());
		assertFalse(personalized.pinSlipPrinted() || personalized.passwordSlipPrinted());

		Delivery atCounter = new Delivery(Delivery.Method.COUNTER, "張雅婷", "", true);
		ServiceException early = assertThrows(ServiceException.class, () -> desk.handOver(Staff.CLERK, j.card.serial(), atCounter));
		assertEquals(Reason.SLIPS_NOT_PRINTED, early.reason());

		desk.slipPrinted(Staff.CLERK, SlipKind.CARD_PIN, personalized.pinSlipSubject());
		ServiceException again = assertThrows(ServiceException.class,
				() -> desk.slipPrinted(Staff.CLERK, SlipKind.CARD_PIN, personalized.pinSlipSubject()));
		assertEquals(Reason.ALREADY_PRINTED, again.reason(), "a reprint is refused");
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> desk.slipPrinted(Staff.OFFICER, SlipKind.WEBSITE_PASSWORD, personalized.passwordSlipSubject())).reason());
		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class,
				() -> desk.slipPrinted(Staff.CLERK, SlipKind.WEBSITE_PASSWORD, "subscriber:1 or 1=1")).reason());
		desk.slipPrinted(Staff.CLERK, SlipKind.WEBSITE_PASSWORD, personalized.passwordSlipSubject());
		Issuance printed = pendingOf(j.request.id());
		assertTrue(printed.pinSlipPrinted() && printed.passwordSlipPrinted());

		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class,
				() -> desk.handOver(Staff.CLERK, j.card.serial(), new Delivery(Delivery.Method.COUNTER, " ", "", false))).reason());
		desk.handOver(Staff.CLERK, j.card.serial(), atCounter);
		assertTrue(desk.pending(Staff.CLERK).stream().noneMatch(i -> i.request().id() == j.request.id()), "no longer pending");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class,
				() -> desk.handOver(Staff.CLERK, j.card.serial(), atCounter)).reason(), "a card leaves once");

		List<String> actions = Services.await(AuditTrail.class).about(Staff.ADMIN, "card:" + j.card.serial()).stream()
				.map(AuditEntry::action).toList();
		assertEquals(List.of("CARD_PERSONALIZATION_STARTED", "CARD_PERSONALIZED", "SLIP_PRINTED", "CARD_HANDED_OVER"), actions);
		assertTrue(Services.await(SearchDesk.class).search(Staff.CLERK, j.card.serial(), 5).stream()
				.anyMatch(h -> h.state().equals("ISSUED")));
	}

	@Test
	void theMailroomMailsACardWithItsTrackingNumber() throws Exception {
		IssuanceDesk desk = Services.await(IssuanceDesk.class);
		Journey j = Journey.toRegisteredSubscriber();
		j.card = Journey.personalize(j.subscriber.subscriberId(), Journey.blankSlot());
		desk.slipPrinted(Staff.CLERK, SlipKind.CARD_PIN, "card:" + j.card.serial());
		desk.slipPrinted(Staff.CLERK, SlipKind.WEBSITE_PASSWORD, "subscriber:" + j.subscriber.subscriberId());

		ServiceException noNumber = assertThrows(ServiceException.class,
				() -> desk.handOver(Staff.MAILROOM, j.card.serial(), new Delivery(Delivery.Method.MAIL, "張雅婷", "12-34", false)));
		assertEquals(Reason.INVALID_INPUT, noNumber.reason());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> desk.handOver(Staff.MAILROOM,
				j.card.serial(), new Delivery(Delivery.Method.COUNTER, "張雅婷", "", false))).reason(),
				"the mailroom mails; the counter hands over");
		desk.handOver(Staff.MAILROOM, j.card.serial(), new Delivery(Delivery.Method.MAIL, "張雅婷", "rr123456789tw", false));
		AuditEntry last = Services.await(AuditTrail.class).about(Staff.ADMIN, "card:" + j.card.serial()).stream()
				.reduce((a, b) -> b).orElseThrow();
		assertEquals("CARD_HANDED_OVER", last.action());
		assertTrue(last.after().contains("MAIL RR123456789TW"), last.after());
		assertEquals("wu.mail", last.actor());
	}
}
