package radesk.card;

import java.security.PublicKey;

import radesk.core.card.KeyKind;

/** A key pair on a card: its PKCS#11 id and public half. The private half never leaves the card. */
public record CardKey(byte[] id, PublicKey publicKey, KeyKind kind) {

	public CardKey {
		id = id.clone();
	}

	@Override
	public byte[] id() {
		return id.clone();
	}

	public String idHex() {
		return java.util.HexFormat.of().formatHex(id);
	}
}
