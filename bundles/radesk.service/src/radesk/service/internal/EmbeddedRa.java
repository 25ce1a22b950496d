package radesk.service.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.DataFolder;
import radesk.core.ca.CaToken;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;
import radesk.pki.PasswordHasher;
import radesk.store.CardRow;

/** What every use case of the embedded RA shares: the CA, the RA's secrets, randomness and time. */
@Component(service = EmbeddedRa.class)
public final class EmbeddedRa {

	final SecureRandom random = new SecureRandom();
	final Clock clock = radesk.core.TimeSource.clock();
	final EmbeddedCa ca;
	final RaSecrets secrets;
	final PasswordHasher hasher = new PasswordHasher(random);
	/** The key and certificate the RA signs its mail with (notices, confirmation codes). */
	final NoticeKeys noticeKeys = new NoticeKeys(this, DataFolder.resolve());
	/** Expired captchas, sessions and challenges deleted now and then, never in a request's transaction. */
	final Sweeps sweeps = new Sweeps();
	/** The CA of the operator's choice over CMP for subscribers' certificates, when {@code ca/cmp.properties} says so. */
	final ExternalCa externalCa = new ExternalCa(DataFolder.resolve().resolve("ca"));

	/** The CA's keys on {@code token}; at the first start the key ceremony prints the root backup's passphrase here, once. */
	@Activate
	public EmbeddedRa(@Reference CaToken token) throws IOException, GeneralSecurityException {
		java.nio.file.Path data = DataFolder.resolve();
		this.ca = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(radesk.core.PublicBase::current), token,
				radesk.pki.CaCeremony.backupFolder(data), System.out);
		this.secrets = RaSecrets.openOrCreate(DataFolder.resolve().resolve("ra"), random);
	}

	private volatile String decoy;

	/**
	 * Whether {@code password} is the one {@code stored} hashes; with none stored (an unknown or
	 * closed account) a decoy hash is checked all the same, so the answer takes as long and tells
	 * nothing about which accounts exist (security review M6).
	 */
	boolean passwordMatches(char[] password, String stored) {
		if (decoy == null) {
			char[] random = WebsitePasswords.next(this.random);
			decoy = hasher.hash(random);
			java.util.Arrays.fill(random, '\0');
		}
		return PasswordHasher.matches(password, stored == null ? decoy : stored) && stored != null;
	}

	/** A card's SO PIN sealed for its row, bound to the card's serial. */
	byte[] sealSoPin(char[] soPin, String cardSerial) throws ServiceException {
		try {
			return secrets.seal(soPin, "card:" + cardSerial);
		} catch (GeneralSecurityException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the RA key is unusable: " + e.getMessage());
		}
	}

	/** The SO PIN of a card, opened from its row; the caller wipes it after use. */
	char[] soPinOf(CardRow card) throws ServiceException {
		try {
			return secrets.unseal(card.soPinSealed(), "card:" + card.serial());
		} catch (GeneralSecurityException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the sealed SO PIN of card " + card.serial() + " does not open");
		}
	}
}
