package radesk.core.registration;

/** The documents handed in with a registration form (檢附文件), as the counter ticks them off. */
public enum ProofDocument {
	/** 身分證正反面影本. */
	ID_CARD_COPY,
	/** 居留證影本 (residents who are not citizens). */
	RESIDENT_CERTIFICATE_COPY,
	/** 機關、團體或公司設立登記文件 (organizations). */
	ORGANIZATION_REGISTRATION,
	/** 授權書: the organization authorizes the applicant. */
	AUTHORIZATION_LETTER
}
