package radesk.api;

/**
 * The RA service refused or could not do what was asked. Nothing was changed: every use case runs
 * in one transaction and checks before it acts. {@link #reason()} lets each UI word it.
 */
public final class ServiceException extends Exception {

	private static final long serialVersionUID = 1L;

	public enum Reason {
		/** The caller's role may not do this. */
		NOT_PERMITTED,
		/** The caller submitted this request and so cannot decide it. */
		DUAL_CONTROL,
		/** The record is not in a state that allows this (e.g. approving a rejected request). */
		WRONG_STATE,
		NOT_FOUND,
		/** This ID number already has a registration pending or a subscriber account. */
		DUPLICATE_REGISTRATION,
		/** Another workstation changed the record first; read it again. */
		CONCURRENT_CHANGE,
		WRONG_PASSWORD,
		/** Three wrong website passwords: only a reset request at the counter lifts this. */
		ACCOUNT_SUSPENDED,
		PASSWORDS_DIFFER,
		PASSWORD_TOO_WEAK,
		PASSWORD_UNCHANGED,
		/** A card matter: {@link ServiceException#card()} says which. */
		CARD,
		/** The card's certificate request was refused (weak key, bad signature …). */
		BAD_REQUEST,
		/** The certificate belongs to someone else or is not waiting for download. */
		NOT_YOURS,
		/** This slip was printed already; its secret is gone (a PIN unlock or password reset makes a new one). */
		ALREADY_PRINTED,
		/** The card cannot leave the counter before its slips are printed. */
		SLIPS_NOT_PRINTED,
		/** A field of the request is missing or malformed; the detail names it. */
		INVALID_INPUT,
		/** 晶片卡登入: the challenge is unknown, expired or used already. */
		CHALLENGE_INVALID,
		/** 晶片卡登入: the signature is not the certificate key's signature over the challenge. */
		SIGNATURE_INVALID,
		/** The certificate was revoked. */
		CERTIFICATE_REVOKED,
		/** 暫禁: the certificate is on hold (its card reported lost) until an RA officer resumes it. */
		CERTIFICATE_SUSPENDED,
		/** The certificate is outside its validity (expired or not yet valid). */
		CERTIFICATE_EXPIRED,
		/** Not the card the certificate was requested with (憑證下載 only onto the card that holds its key). */
		WRONG_CARD,
		/** Connected mode: the RA server did not answer (network, address, its certificate); nothing was changed. */
		SERVER_UNREACHABLE,
		/** Connected mode: the sign-in at the RA server lapsed (30 idle minutes) or was ended: sign in again. */
		SIGNED_OUT,
		/** The card has no authentication key on record (personalized before cards were bound): a counter visit binds it. */
		CARD_NOT_BOUND,
		/** The request is not signed by the card's authentication key (another card, a software key, none at all). */
		CARD_NOT_PROVEN,
		/** The card holds a valid certificate already: renewal (憑證展期) is the way to the next one. */
		CARD_HAS_CERTIFICATE,
		/** The subscriber was issued as many certificates as a day allows (IssuanceLimits): tomorrow again. */
		ISSUANCE_LIMIT,
		/** The RA server's one-time code for its first administrator is missing, wrong, used or expired. */
		SETUP_CODE_INVALID,
		/** Too many at once from this client address (sessions, requests): later. */
		TOO_MANY_REQUESTS,
		/** Signing in to an RA server takes the staff card besides the password (its reader and PIN). */
		STAFF_CARD_REQUIRED,
		/** The e-mail confirmation code is wrong, used up (five tries) or older than an hour: ask for a new one. */
		EMAIL_CODE_WRONG,
		/** The RA sends no mail yet: its operator has not set up smtp.properties. */
		MAIL_NOT_SET_UP,
		/** The mail server could not be reached or refused the mail; nothing was sent. */
		MAIL_FAILED,
		/** The external CA (over CMP) refused, or could not be reached; the detail has its words. Nothing was issued or changed. */
		CA_REFUSED,
		/** 憑證展期 before the renewal window: the detail says when it opens (one month before the certificate ends). */
		RENEWAL_NOT_OPEN
	}

	private final Reason reason;
	private final CardAccessException.Reason card;
	private final int triesLeft;
	private final String detail;

	public ServiceException(Reason reason, String detail) {
		this(reason, detail, null, -1, null);
	}

	public ServiceException(Reason reason, String detail, CardAccessException.Reason card, int triesLeft, Throwable cause) {
		super(reason + (card == null ? "" : "/" + card) + ": " + detail, cause);
		this.reason = reason;
		this.card = card;
		this.triesLeft = triesLeft;
		this.detail = detail;
	}

	/** What the service said beyond the reason (for INVALID_INPUT: the field first, "trackingNumber: …"). */
	public String detail() {
		return detail;
	}

	public static ServiceException of(CardAccessException e) {
		return new ServiceException(Reason.CARD, e.getMessage(), e.reason(), e.triesLeft(), e);
	}

	public Reason reason() {
		return reason;
	}

	/** For {@link Reason#CARD}: what happened with the card. */
	public CardAccessException.Reason card() {
		return card;
	}

	/** For wrong passwords and PINs: tries left before the lock, else -1. */
	public int triesLeft() {
		return triesLeft;
	}
}
