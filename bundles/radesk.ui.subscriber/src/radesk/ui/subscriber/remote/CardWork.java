package radesk.ui.subscriber.remote;

import radesk.client.RaClient;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.account.Strikes;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.pki.CsrBuilder;
import radesk.pki.CsrException;

/**
 * 憑證申請 and 憑證下載 with the card in this computer's reader. All card work is done here — the
 * key pair made on the card, the request signed on the card, the certificate written to the
 * card — and the RA server issues. Every attempt first looks at what an earlier, cut-off one
 * left (FLOWS 7): a certificate issued for this card but never written is written; a key on the
 * card that no certificate names is used instead of making another. So a pulled card or a lost
 * answer never costs a second certificate, and the next attempt completes.
 */
public final class CardWork {

	/** The steps, in order, as the progress bar names them. */
	public enum Step {
		OPENING_CARD, MAKING_KEY, SIGNING_REQUEST, ISSUING, WRITING_CARD, CONFIRMING
	}

	/** What an application did: the certificate, and whether an earlier attempt's work was finished. */
	public record Outcome(RaClient.Certificate certificate, boolean resumed) {
	}

	private final RaClient client;
	private final CardTerminal terminal;

	public CardWork(RaClient client, CardTerminal terminal) {
		this.client = client;
		this.terminal = terminal;
	}

	/** The personalized cards in this computer's readers, by serial (their token labels). */
	public static List<String> cardsInReaders(CardReaders readers) throws CardAccessException {
		return personalized(readers.slots());
	}

	/** The same after looking for the cards afresh (重新偵測: a card put back is found). */
	public static List<String> cardsAfterRescan(CardReaders readers) throws CardAccessException {
		return personalized(readers.rescan());
	}

	private static List<String> personalized(List<radesk.api.CardSlot> slots) {
		return slots.stream().filter(s -> s.cardPresent() && s.initialized()).map(s -> s.tokenLabel()).toList();
	}

	/** 憑證申請 on card {@code cardSerial}, opened with {@code pin} (the card's three-strike lock applies). */
	public Outcome apply(String cardSerial, char[] pin, KeyKind kind, Consumer<Step> progress)
			throws CardAccessException, RaClient.Refused, IOException, InterruptedException, CertificateException {
		progress.accept(Step.OPENING_CARD);
		try (CardSession card = open(cardSerial, pin)) {
			List<RaClient.Certificate> mine = client.certificates();
			for (RaClient.Certificate c : mine) {
				if (c.state() == CertificateState.ISSUED_NOT_ON_CARD && cardSerial.equals(c.cardSerial())
						&& card.keyFor(c.x509().getPublicKey()).isPresent()) {
					return new Outcome(write(card, c, progress), true);
				}
			}
			List<PublicKey> certified = new ArrayList<>();
			for (X509Certificate x : card.certificates()) {
				certified.add(x.getPublicKey());
			}
			for (RaClient.Certificate c : mine) {
				certified.add(c.x509().getPublicKey());
			}
			CardKey key = card.keys().stream().filter(k -> certified.stream()
					.noneMatch(p -> Arrays.equals(p.getEncoded(), k.publicKey().getEncoded()))).findFirst().orElse(null);
			boolean resumed = key != null;
			if (key == null) {
				progress.accept(Step.MAKING_KEY);
				key = card.generateKey(kind);
				Checkpoints.reached("subscriber.apply.key-generated");
			}
			progress.accept(Step.SIGNING_REQUEST);
			CardKey signer = key;
			byte[] csr;
			try {
				csr = CsrBuilder.build(key.publicKey(), client.account(), (algorithm, data) -> card.sign(signer, algorithm, data));
			} catch (CsrException e) {
				throw e.getCause() instanceof CardAccessException pulled ? pulled
						: new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
			}
			progress.accept(Step.ISSUING);
			RaClient.Certificate issued = client.apply(cardSerial, key.idHex(), csr);
			Checkpoints.reached("subscriber.apply.issued");
			return new Outcome(write(card, issued, progress), resumed);
		}
	}

	/**
	 * 憑證下載: writes a certificate the server issued but the card never took onto card
	 * {@code cardSerial} — only the card that holds its key (KEY_NOT_ON_CARD for any other).
	 */
	public RaClient.Certificate download(String cardSerial, char[] pin, RaClient.Certificate certificate, Consumer<Step> progress)
			throws CardAccessException, RaClient.Refused, IOException, InterruptedException, CertificateException {
		progress.accept(Step.OPENING_CARD);
		try (CardSession card = open(cardSerial, pin)) {
			if (!cardSerial.equals(certificate.cardSerial()) || card.keyFor(certificate.x509().getPublicKey()).isEmpty()) {
				throw new CardAccessException(Reason.KEY_NOT_ON_CARD,
						"certificate " + certificate.serial() + " was requested with card " + certificate.cardSerial(), null);
			}
			return write(card, certificate, progress);
		}
	}

	/**
	 * Opens the card with its PIN under the card's own three-strike rule, and tells the RA what the
	 * card said (a wrong PIN, the lock, or a right PIN after wrong ones) so the card's record follows.
	 * The report is a courtesy to the records: if it does not get through, the card work goes on.
	 */
	private CardSession open(String cardSerial, char[] pin) throws CardAccessException {
		int before;
		try {
			before = terminal.strikes(cardSerial);
		} catch (CardAccessException e) {
			before = 0;
		}
		try {
			CardSession session = terminal.open(cardSerial, pin);
			if (before > 0) {
				report(cardSerial, 0);
			}
			return session;
		} catch (CardAccessException e) {
			if (e.reason() == Reason.WRONG_PIN) {
				report(cardSerial, Strikes.LIMIT - e.triesLeft());
			} else if (e.reason() == Reason.PIN_LOCKED) {
				report(cardSerial, Strikes.LIMIT);
			}
			throw e;
		}
	}

	private void report(String cardSerial, int strikes) {
		try {
			client.reportPinStrikes(cardSerial, strikes);
		} catch (IOException | RaClient.Refused e) {
			// the card counted it; the record learns at the next report or at the counter
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Writes the certificate next to its key, then proves to the server that the card holds that key. */
	private RaClient.Certificate write(CardSession card, RaClient.Certificate certificate, Consumer<Step> progress)
			throws CardAccessException, RaClient.Refused, IOException, InterruptedException, CertificateException {
		progress.accept(Step.WRITING_CARD);
		X509Certificate x509 = certificate.x509();
		card.storeCertificate(x509);
		Checkpoints.reached("subscriber.apply.on-card");
		progress.accept(Step.CONFIRMING);
		CardKey key = card.keyFor(x509.getPublicKey())
				.orElseThrow(() -> new CardAccessException(Reason.KEY_NOT_ON_CARD, certificate.serial(), null));
		byte[] challenge = client.challenge();
		byte[] signature = card.sign(key, signatureAlgorithm(x509.getPublicKey()), challenge);
		return client.confirmOnCard(certificate.serial(), card.cardSerial(), challenge, signature);
	}

	/** What the server checks a card's signature over a challenge with. */
	public static String signatureAlgorithm(PublicKey key) {
		return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
	}
}
