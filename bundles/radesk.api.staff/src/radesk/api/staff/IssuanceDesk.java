package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;

import radesk.core.access.Actor;
import radesk.core.card.CardState;

/**
 * 註冊 → 晶片卡 → 密碼單 → 交付: what the counter still owes approved applicants, and the record
 * that each slip was printed (once) and each card handed over or mailed.
 */
public interface IssuanceDesk {

	/** The two slips of the seed: 晶片卡密碼單 and 憑證作業網站密碼單. */
	enum SlipKind {
		CARD_PIN, WEBSITE_PASSWORD
	}

	/**
	 * Approved and registered requests whose card has not left the counter yet, oldest first: the
	 * subscriber (once registered), the card (once personalization started) and which slips were
	 * printed.
	 */
	List<Issuance> pending(Actor clerk) throws ServiceException;

	/**
	 * Records that a slip was printed. A slip is printed once: a second print of the same slip is
	 * refused ({@link ServiceException.Reason#ALREADY_PRINTED}); the way out is a PIN unlock or a
	 * password reset, which make a new secret and a new slip. {@code subject} is what the slip is
	 * for: {@code card:<serial>}, {@code subscriber:<id>} or {@code form:<id>}.
	 */
	void slipPrinted(Actor clerk, SlipKind kind, String subject) throws ServiceException;

	/** Whether this slip was printed already. */
	boolean printed(Actor staff, SlipKind kind, String subject) throws ServiceException;

	/**
	 * 交付: the card and its slips were handed over at the counter or mailed. Refused while a slip
	 * of the card or of its subscriber's registration is not printed yet. Mailing needs the postal
	 * tracking number.
	 */
	void handOver(Actor staff, String cardSerial, Delivery delivery) throws ServiceException;

	/** How a card left: given to {@code recipient} at the counter, or mailed with a tracking number. */
	record Delivery(Method method, String recipient, String trackingNumber, boolean readerSold) {

		public enum Method {
			COUNTER, MAIL
		}

		public Delivery {
			recipient = recipient == null ? "" : recipient.strip();
			trackingNumber = trackingNumber == null ? "" : trackingNumber.strip().toUpperCase(java.util.Locale.ROOT);
		}
	}

	/** One applicant on the way to a card in hand; {@code address} is where the slips and card are mailed. */
	record Issuance(RegistrationSummary request, Long subscriberId, String account, String cardSerial,
			CardState cardState, boolean pinSlipPrinted, boolean passwordSlipPrinted, String address) {

		public String passwordSlipSubject() {
			return "subscriber:" + subscriberId;
		}

		public String pinSlipSubject() {
			return "card:" + cardSerial;
		}
	}
}
