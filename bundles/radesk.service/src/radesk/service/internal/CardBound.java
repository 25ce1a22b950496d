package radesk.service.internal;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.card.CardBinding;
import radesk.pki.CheckedCsr;
import radesk.pki.CsrException;
import radesk.pki.CsrInspector;
import radesk.store.CardRow;

/**
 * The checks every card-bound request shares (憑證申請, 憑證展期): the card bound (its authentication
 * key on record), that key's signature over the request's text, the request itself sound, and the
 * authentication key never the key to certify.
 */
final class CardBound {

	private CardBound() {
	}

	/** The request of {@code card} for {@code purpose}, checked; its signature by the card's key over the text. */
	static CheckedCsr request(CardRow card, CardBinding.Purpose purpose, String account, byte[] challenge, byte[] request,
			byte[] cardSignature) throws ServiceException {
		if (card.authKey() == null) {
			throw new ServiceException(Reason.CARD_NOT_BOUND, "card " + card.serial() + " has no authentication key on record");
		}
		if (request == null || !CardChallenges.signedByKey(card.authKey(),
				CardBinding.message(purpose, account, card.serial(), challenge, request), cardSignature)) {
			throw new ServiceException(Reason.CARD_NOT_PROVEN, "not signed by the authentication key of card " + card.serial());
		}
		CheckedCsr csr;
		try {
			csr = CsrInspector.inspect(request);
		} catch (CsrException e) {
			throw new ServiceException(Reason.BAD_REQUEST, e.getMessage());
		}
		if (java.util.Arrays.equals(csr.publicKey().getEncoded(), card.authKey())) {
			throw new ServiceException(Reason.BAD_REQUEST, "the card's authentication key is never certified");
		}
		return csr;
	}
}
