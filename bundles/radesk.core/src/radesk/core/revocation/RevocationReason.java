package radesk.core.revocation;

/**
 * Why a certificate must be revoked (憑證廢止), as the seed's form lists the reasons, with the
 * RFC 5280 CRLReason code each is published under.
 */
public enum RevocationReason {
	/** 憑證資料變更: registration data changed during the validity period. */
	DATA_CHANGED(3),
	/** 金鑰損毀: the card or key is damaged and cannot be used. */
	KEY_DAMAGED(5),
	/** 金鑰遺失: the card was lost. */
	KEY_LOST(1),
	/** 金鑰洩漏: the private key was exposed. */
	KEY_EXPOSED(1),
	/** 金鑰遭竄改: the key or card was tampered with. */
	KEY_TAMPERED(1),
	/** 可能遭第三者使用: the key may be used by a third party. */
	THIRD_PARTY_USE_RISK(1);

	/** RFC 5280 5.3.1: keyCompromise(1), affiliationChanged(3), cessationOfOperation(5). */
	private final int crlReasonCode;

	RevocationReason(int crlReasonCode) {
		this.crlReasonCode = crlReasonCode;
	}

	public int crlReasonCode() {
		return crlReasonCode;
	}

	/** Compromise reasons make relying parties distrust signatures back to the compromise date. */
	public boolean isKeyCompromise() {
		return crlReasonCode == 1;
	}
}
