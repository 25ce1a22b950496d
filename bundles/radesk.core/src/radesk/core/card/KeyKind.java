package radesk.core.card;

/** The key pairs a card makes for a subscriber certificate (the profile's allowed keys). */
public enum KeyKind {
	RSA_2048, EC_P256, EC_P384
}
