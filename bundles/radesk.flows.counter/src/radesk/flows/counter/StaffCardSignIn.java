package radesk.flows.counter;

import java.util.Arrays;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.api.staff.StaffDesk;
import radesk.api.staff.StaffDesk.StaffCardProof;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.card.CardBinding;

/**
 * 登入 with the staff card (員工卡), the same at an embedded and a connected counter: a fresh
 * challenge from the RA, signed on the card under its PIN (the card's own strike rule counts a wrong
 * PIN), then the account, password and that signature sent together.
 */
public final class StaffCardSignIn {

	private final StaffDesk staff;
	private final CardTerminal terminal;

	public StaffCardSignIn(StaffDesk staff, CardTerminal terminal) {
		this.staff = staff;
		this.terminal = terminal;
	}

	/** Signs in with the card {@code cardSerial} under {@code pin}; both the password and the PIN are wiped after. */
	public Actor run(String account, char[] password, Role as, String workstation, String cardSerial, char[] pin)
			throws ServiceException {
		try {
			StaffCardProof proof = prove(account, cardSerial, pin);
			return staff.signIn(account, password, as, workstation, null, proof);
		} finally {
			Arrays.fill(pin, '\0');
		}
	}

	/** The card's answer to a fresh challenge of the RA for {@code account}. */
	public StaffCardProof prove(String account, String cardSerial, char[] pin) throws ServiceException {
		return answer(terminal, account, cardSerial, pin, staff.signInChallenge());
	}

	/** The card's signature, under {@code pin}, over the sign-in text for {@code account} and {@code challenge}. */
	public static StaffCardProof answer(CardTerminal terminal, String account, String cardSerial, char[] pin, byte[] challenge)
			throws ServiceException {
		String who = account == null ? "" : account.strip();
		try (CardSession session = terminal.open(cardSerial, pin)) {
			CardKey key = session.authenticationKey()
					.orElseThrow(() -> new CardAccessException(CardAccessException.Reason.KEY_NOT_ON_CARD, cardSerial, null));
			byte[] signature = session.sign(key, CardBinding.ALGORITHM,
					CardBinding.message(CardBinding.Purpose.STAFF_SIGN_IN, who, cardSerial, challenge, new byte[0]));
			return new StaffCardProof(cardSerial, challenge, signature);
		} catch (CardAccessException e) {
			throw ServiceException.of(e);
		}
	}
}
