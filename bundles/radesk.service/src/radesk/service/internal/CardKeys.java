package radesk.service.internal;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;

/** A card's authentication key as a workstation reports it: an EC P-256 public key, or refused. */
final class CardKeys {

	private CardKeys() {
	}

	static void check(byte[] spki) throws ServiceException {
		if (spki == null || spki.length > 512) {
			throw new ServiceException(Reason.INVALID_INPUT, "authenticationKey: the card's EC P-256 public key");
		}
		try {
			if (CardChallenges.publicKey(spki) instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
				return;
			}
		} catch (GeneralSecurityException e) {
			// refused below
		}
		throw new ServiceException(Reason.INVALID_INPUT, "authenticationKey: the card's EC P-256 public key");
	}
}
