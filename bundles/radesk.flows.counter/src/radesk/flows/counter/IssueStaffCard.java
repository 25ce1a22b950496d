package radesk.flows.counter;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.api.staff.CardSecrets;
import radesk.api.staff.StaffCardDesk;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.access.Actor;
import radesk.core.card.CardBinding;
import radesk.core.card.Pins;

/**
 * 發給員工卡: an administrator issues a member of staff their own card, the same at an embedded and a
 * connected counter. The card's record and SO PIN from the RA ({@link StaffCardDesk#begin}); the
 * blank card in this workstation's reader written with the PIN its holder typed (it never leaves
 * the workstation) and its authentication key made on it; the key shown to the RA with its
 * signature, which answers the staff certificate ({@link StaffCardDesk#certify}); the certificate
 * written beside the key; the card made the person's active one ({@link StaffCardDesk#confirm}).
 * After a cut-off the next run, with the same card and PIN, finishes the same card.
 */
public final class IssueStaffCard {

	/** The steps, in order. */
	public enum Step {
		RECORDING, WRITING_CARD, CERTIFYING, STORING_CERTIFICATE, CONFIRMING
	}

	private final StaffCardDesk records;
	private final CardTerminal terminal;

	public IssueStaffCard(StaffCardDesk records, CardTerminal terminal) {
		this.records = records;
		this.terminal = terminal;
	}

	/**
	 * The card in {@code slotId} made {@code account}'s staff card under {@code pin} (the holder's
	 * choice, the user PIN rule); its serial. The PIN is wiped when the run ends.
	 */
	public String run(Actor administrator, String account, long slotId, char[] pin, Consumer<Step> progress)
			throws ServiceException {
		try {
			if (!Pins.isValidUserPin(pin)) {
				throw new ServiceException(ServiceException.Reason.INVALID_INPUT, "pin: " + Pins.MIN_USER + " to " + Pins.MAX_USER + " digits");
			}
			progress.accept(Step.RECORDING);
			CardSecrets card = records.begin(administrator, account);
			Checkpoints.reached("staff-card.recorded");
			progress.accept(Step.WRITING_CARD);
			CardSecrets withPin = new CardSecrets(card.serial(), card.soPin(), pin.clone());
			byte[][] key = new byte[2][];
			SecretsOnCard.write(withPin, c -> {
				terminal.personalize(slotId, c.serial(), c.soPin(), c.userPin());
				try (CardSession session = terminal.open(c.serial(), c.userPin())) {
					CardKey auth = session.makeAuthenticationKey();
					key[0] = auth.publicKey().getEncoded();
					key[1] = session.sign(auth, CardBinding.ALGORITHM,
							CardBinding.message(CardBinding.Purpose.STAFF_CARD, account, c.serial(), new byte[0], key[0]));
				}
				return key[0];
			});
			Arrays.fill(withPin.userPin(), '\0');
			Checkpoints.reached("staff-card.on-card");
			progress.accept(Step.CERTIFYING);
			X509Certificate certificate = x509(records.certify(administrator, card.serial(), key[0], key[1]));
			progress.accept(Step.STORING_CERTIFICATE);
			try (CardSession session = terminal.open(card.serial(), pin)) {
				session.storeCertificate(certificate);
			} catch (CardAccessException e) {
				throw ServiceException.of(e);
			}
			Checkpoints.reached("staff-card.certificate-on-card");
			progress.accept(Step.CONFIRMING);
			records.confirm(administrator, card.serial());
			return card.serial();
		} finally {
			Arrays.fill(pin, '\0');
		}
	}

	private static X509Certificate x509(byte[] der) throws ServiceException {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		} catch (CertificateException e) {
			throw new ServiceException(ServiceException.Reason.BAD_REQUEST, "the RA answered no certificate: " + e.getMessage());
		}
	}
}
