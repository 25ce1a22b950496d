package radesk.slips;

import java.time.Instant;
import java.util.List;

/**
 * What one mailer carries: who it goes to (name and address for the window envelope), the RA
 * that sends it, and the secret for the tear-off part. The secret is used to draw the page and
 * is wiped by {@link PinMailer} once the PDF is written.
 */
public record Slip(Kind kind, String raName, String recipient, List<String> address, String reference, char[] secret,
		Instant printedAt) {

	public enum Kind {
		/** 晶片卡密碼單: the card's user PIN; reference = the card serial. */
		CARD_PIN,
		/** 憑證作業網站密碼單: the website password; reference = the account. */
		WEBSITE_PASSWORD
	}

	public Slip {
		address = List.copyOf(address);
	}
}
