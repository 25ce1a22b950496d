package radesk.service.tests;

import java.util.UUID;

import radesk.api.staff.CardDesk;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.testing.SoftHsm;
import radesk.testing.TestIds;

/** A walk-in applicant carried through the counter: form, review, account, personalized card, hand-over. */
final class Journey {

	final String nationalId = TestIds.nationalId();
	final String email = "s-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com.tw";
	RegistrationSummary request;
	NewSubscriber subscriber;
	String password;
	NewCard card;
	String pin;

	static Journey toRegisteredSubscriber() throws Exception {
		Journey j = new Journey();
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		j.request = desk.submitWalkIn(Staff.CLERK, new WalkInForm("張雅婷", j.nationalId, j.email, "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		desk.decide(Staff.OFFICER, j.request.id(), Decision.approve());
		j.subscriber = desk.register(Staff.CLERK, j.request.id());
		j.password = new String(j.subscriber.password());
		return j;
	}

	static Journey toCardInHand() throws Exception {
		Journey j = toRegisteredSubscriber();
		j.card = personalize(j.subscriber.subscriberId(), blankSlot());
		j.pin = new String(j.card.pin());
		IssuanceDesk issuance = Services.await(IssuanceDesk.class);
		issuance.slipPrinted(Staff.CLERK, SlipKind.CARD_PIN, "card:" + j.card.serial());
		issuance.slipPrinted(Staff.CLERK, SlipKind.WEBSITE_PASSWORD, "subscriber:" + j.subscriber.subscriberId());
		issuance.handOver(Staff.CLERK, j.card.serial(), new Delivery(Delivery.Method.COUNTER, "張雅婷", "", false));
		return j;
	}

	static long blankSlot() throws Exception {
		SoftHsm.demoCardSerial();
		// read afresh: SoftHSM2 numbers the blank slot by the tokens it found at its start, and a child
		// process given this number counts the token folder as it is now
		return Services.await(CardReaders.class).rescan().stream().filter(s -> s.cardPresent() && !s.initialized())
				.map(CardSlot::slotId).findFirst().orElseThrow(() -> new AssertionError("no blank card"));
	}

	/** 晶片卡個人化 as the counter runs it: the flow over the embedded records and the reader. */
	static radesk.api.staff.NewCard personalize(long subscriberId, long slotId) throws Exception {
		return new radesk.flows.counter.PersonalizeCard(Services.await(CardDesk.class), Services.await(radesk.card.CardTerminal.class))
				.run(Staff.CLERK, subscriberId, slotId);
	}

	/** 晶片卡解鎖 as the counter runs it. */
	static radesk.api.staff.NewCard unlockPin(long formId) throws Exception {
		return new radesk.flows.counter.UnlockPin(Services.await(radesk.api.staff.FormDesk.class),
				Services.await(radesk.card.CardTerminal.class)).run(Staff.CLERK, formId);
	}
}
