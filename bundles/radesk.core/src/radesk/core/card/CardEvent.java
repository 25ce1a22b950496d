package radesk.core.card;

public enum CardEvent {
	/** Initialized with its serial as label and a random user PIN and SO PIN. */
	PERSONALIZE,
	/** Handed over or mailed to its subscriber. */
	ISSUE,
	/** Too many wrong PINs (鎖卡). */
	LOCK,
	/** Unlocked at the counter with the SO PIN; a new PIN slip goes with it. */
	UNLOCK,
	/** 憑證申請 on the card: asked of a card in the subscriber's hands, which it stays. */
	APPLY,
	/** Out of use: broken, lost, replaced, or spoiled during personalization. */
	RETIRE
}
